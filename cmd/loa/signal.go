package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/loa-vn/loa/internal/i18n"
)

// stopSignal is the cause of a context ended by a signal.
type stopSignal struct{ sig syscall.Signal }

func (s stopSignal) Error() string {
	if s.sig == syscall.SIGINT {
		return "SIGINT (Ctrl+C)"
	}
	if s.sig == syscall.SIGTERM {
		return "SIGTERM"
	}
	return s.sig.String()
}

// code is the exit status of a command stopped by the signal: 128 plus its
// number, as shells report it (130 for Ctrl+C, 143 for SIGTERM).
func (s stopSignal) code() int { return 128 + int(s.sig) }

// notifyStop returns a context that ends at the first SIGINT or SIGTERM,
// with a stopSignal as its cause, so that the command can stop its work,
// leave the previous output as it was and exit. A second signal exits at
// once with the signal's status, even while work is still stopping. stop
// releases the signals.
func notifyStop(parent context.Context, stderr io.Writer) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			cancel(stopSignal{sig.(syscall.Signal)})
		case <-done:
			return
		}
		select {
		case sig := <-ch:
			again := stopSignal{sig.(syscall.Signal)}
			i18n.Fprintf(stderr, "loa: %s again: stopped at once\n", again)
			os.Exit(again.code())
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// stopped reports whether ctx has ended, and if so prints on stderr that
// cmd stopped and what became of its work, and returns the exit status:
// that of the signal, or 1 when ctx ended otherwise.
func stopped(ctx context.Context, stderr io.Writer, cmd, what string) (int, bool) {
	if ctx.Err() == nil {
		return 0, false
	}
	var sig stopSignal
	if !errors.As(context.Cause(ctx), &sig) {
		i18n.Fprintf(stderr, "%s: stopped (%v); %s\n", cmd, ctx.Err(), what)
		return exitContent, true
	}
	i18n.Fprintf(stderr, "%s: stopped by %s; %s\n", cmd, sig, what)
	return sig.code(), true
}
