// Package i18n holds the messages of Loa in Vietnamese and picks the
// language the loa command speaks.
//
// Messages are written in the code in English, as fmt format strings, and
// passed through Sprintf, Errorf or Fprintf here. The English format is the
// key of the Vietnamese catalog (vi.go, one golang.org/x/text/message/catalog
// built at start-up). The language is chosen once, when the command starts
// (SetLanguage, from the environment by FromEnv), and every message is
// formatted in it when it is made: a process speaks one language, and
// diagnostics stay plain strings that can be sorted, compared and sent to
// the dev server's overlay as they are.
//
// The catalog only translates the format; the arguments are formatted by
// fmt, as in the English text. (message.Printer would format numbers by
// the locale, writing the year 2026 as "2.026" in Vietnamese and line 1234
// as "1,234" in English, which breaks file:line positions and dates.)
//
// The zero state speaks English, the language of the keys, so that
// packages used from tests or other programs keep their messages as
// written; the loa command sets the language before it does anything.
// The functions are safe for concurrent use.
package i18n

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// Lang is a language Loa speaks.
type Lang int32

const (
	// English is the language of the source code and the catalog keys.
	English Lang = iota
	// Vietnamese is the language of the portal and of its editors.
	Vietnamese
)

func (l Lang) String() string {
	if l == Vietnamese {
		return "vi"
	}
	return "en"
}

var current atomic.Int32

// SetLanguage makes l the language of the messages made from now on.
func SetLanguage(l Lang) { current.Store(int32(l)) }

// Language returns the language of the messages.
func Language() Lang { return Lang(current.Load()) }

// FromEnv chooses the language from the locale settings read by getenv,
// in POSIX order: the first of LC_ALL, LC_MESSAGES and LANG that is set
// decides. A locale starting with "en", or the plain "C" or "POSIX" locale
// (which asks for untranslated messages, as gettext reads it), gives
// English; any other locale, or none at all, Vietnamese.
func FromEnv(getenv func(string) string) Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		base, _, _ := strings.Cut(v, ".") // "C.UTF-8", "en_US.UTF-8"
		base, _, _ = strings.Cut(base, "@")
		if base == "C" || base == "POSIX" || strings.HasPrefix(strings.ToLower(base), "en") {
			return English
		}
		return Vietnamese
	}
	return Vietnamese
}

// cat is the Vietnamese catalog, built from vi.
var cat = newCatalog(vi)

func newCatalog(m map[string]string) *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for key, msg := range m {
		if err := b.SetString(language.Vietnamese, key, msg); err != nil {
			panic(fmt.Sprintf("i18n: %q: %v", key, err)) // a programmer error in vi.go
		}
	}
	return b
}

// recorder receives the text of a catalog message, with its verbs as they
// are; fmt fills them in.
type recorder struct{ b strings.Builder }

func (r *recorder) Render(s string)  { r.b.WriteString(s) }
func (r *recorder) Arg(i int) any    { return nil }
func (r *recorder) String() string   { return r.b.String() }
func (r *recorder) reset() *recorder { r.b.Reset(); return r }
func (r *recorder) written() bool    { return r.b.Len() > 0 }
func (r *recorder) lookup(key string) bool {
	return cat.Context(language.Vietnamese, r).Execute(key) == nil
}

// Format returns the format string format in the current language: its
// Vietnamese entry, or format itself in English or when it has none.
func Format(format string) string {
	if Language() != Vietnamese {
		return format
	}
	var r recorder
	if !r.lookup(format) {
		return format
	}
	return r.String()
}

// Translated reports whether the catalog has a Vietnamese entry for format.
func Translated(format string) bool {
	var r recorder
	return r.lookup(format)
}

// Sprintf formats like fmt.Sprintf, in the current language.
func Sprintf(format string, a ...any) string {
	return fmt.Sprintf(Format(format), a...)
}

// Errorf formats like fmt.Errorf (%w included), in the current language.
func Errorf(format string, a ...any) error {
	return fmt.Errorf(Format(format), a...)
}

// Fprintf formats like fmt.Fprintf, in the current language.
func Fprintf(w io.Writer, format string, a ...any) (int, error) {
	return fmt.Fprintf(w, Format(format), a...)
}
