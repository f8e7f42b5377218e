// Command corpus writes a synthetic Vietnamese portal for benchmarks: N
// topic articles with about 5% as many Q&A items, 25% as many unit news
// items and a few documents, with realistic text. Same -n and -seed, same
// bytes: the tree is the one ../shared/bench/gencorpus.py writes (see
// package synth), in a fraction of the time (N=10000: about 1.5 s against
// 10–12 s on a 2-core VM).
//
// Usage:
//
//	go run ./internal/bench/corpus -n 10000 -seed 1 -out DIR [-layout loa|hugo] [-clean] [-stats] [-photos N]
//
// -photos N also writes N phone photos (4000×3000 JPEGs with EXIF
// orientation and GPS, package photos) under DIR/static/anh/ and gives
// them to the first N news items, then articles.
//
// It writes DIR/content/ and prints a summary on stdout. DIR/content must
// not exist unless -clean is given, which removes it first. Exit status 2
// means bad flags, 1 a failure to write.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"time"

	"github.com/loa-vn/loa/internal/bench/photos"
	"github.com/loa-vn/loa/internal/bench/synth"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var cfg synth.Config
	fset.IntVar(&cfg.N, "n", 1000, "number of topic articles")
	fset.Int64Var(&cfg.Seed, "seed", 1, "random seed")
	out := fset.String("out", "", "output folder; content/ is created inside (required)")
	layout := fset.String("layout", "loa", "loa: topics under content/chu-de/ and documents in content/van-ban/; hugo: gencorpus.py's default tree")
	fset.Float64Var(&cfg.QARate, "qa-rate", 0.05, "Q&A items as a fraction of -n")
	fset.Float64Var(&cfg.NewsRate, "news-rate", 0.25, "unit news as a fraction of -n")
	fset.Float64Var(&cfg.DraftRate, "draft-rate", 0.01, "fraction of items that are drafts")
	fset.Float64Var(&cfg.NFDRate, "nfd-rate", 0, "fraction of paragraphs written in NFD")
	fset.IntVar(&cfg.Documents, "documents", 0, "documents in content/van-ban/ (loa layout; 0: max(3, n/1000), -1: none)")
	clean := fset.Bool("clean", false, "remove DIR/content first")
	nPhotos := fset.Int("photos", 0, "also give this many news items, then articles, a 4000×3000 phone photo (EXIF orientation and GPS) under DIR/static/anh/")
	fset.BoolVar(&cfg.Vocabulary, "stats", false, "also count distinct syllables")
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	switch {
	case *out == "" || fset.NArg() > 0:
		fmt.Fprintln(stderr, "usage: corpus -n N [-seed S] -out DIR [-layout loa|hugo] [-clean] [-stats]")
		return 2
	case *layout == "hugo":
		cfg.Layout = synth.Hugo
	case *layout != "loa":
		fmt.Fprintf(stderr, "corpus: -layout %q: write loa or hugo\n", *layout)
		return 2
	}
	// A rate of 0 given on the command line means none, not the default.
	for _, r := range []*float64{&cfg.QARate, &cfg.NewsRate, &cfg.DraftRate} {
		if *r == 0 {
			*r = -1
		}
	}
	start := time.Now()
	st, err := write(ctx, *out, *clean, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "corpus:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s/content: %s, in %.2fs\n", *out, st, time.Since(start).Seconds())
	if *nPhotos > 0 {
		start = time.Now()
		if err := addPhotos(ctx, *out, *nPhotos, uint64(cfg.Seed)); err != nil {
			fmt.Fprintln(stderr, "corpus:", err)
			return 1
		}
		fmt.Fprintf(stdout, "%s/static/anh: %d photos, in %.2fs\n", *out, *nPhotos, time.Since(start).Seconds())
	}
	return 0
}

func addPhotos(ctx context.Context, dir string, n int, seed uint64) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	return photos.AddToCorpus(ctx, root, n, 4000, 3000, seed)
}

func write(ctx context.Context, dir string, clean bool, cfg synth.Config) (synth.Stats, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return synth.Stats{}, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return synth.Stats{}, err
	}
	defer root.Close()
	if clean {
		if err := root.RemoveAll("content"); err != nil {
			return synth.Stats{}, err
		}
	} else if _, err := root.Stat("content"); !errors.Is(err, fs.ErrNotExist) {
		return synth.Stats{}, fmt.Errorf("%s/content already exists; remove it or pass -clean", dir)
	}
	return synth.WriteDir(ctx, root, cfg)
}
