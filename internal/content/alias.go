package content

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/loa-vn/loa/internal/i18n"
)

// CleanAlias checks an old address given under aliases: and returns it
// clean, as a site-relative URL path: "/tin-cu/bai-1" → "/tin-cu/bai-1/",
// "/cu/trang.html" stays as it is. An alias is a plain path, so that it
// can stand as one field of a line of _redirects and name one file of the
// output: it starts with "/", is valid UTF-8, and holds no whitespace, no
// control or invisible formatting character, none of * : ! ? # % \ " < > |
// and no empty, "." or ".." segment. When s is not such a path, CleanAlias
// returns what is wrong with it.
func CleanAlias(s string) (clean, problem string) {
	if !utf8.ValidString(s) {
		return "", i18n.Sprintf("is not valid UTF-8")
	}
	if !strings.HasPrefix(s, "/") {
		return "", i18n.Sprintf(`does not start with "/"`)
	}
	if strings.HasPrefix(s, "//") {
		return "", i18n.Sprintf(`starts with "//", which browsers read as another site`)
	}
	for _, r := range s {
		if what := badRune(r); what != "" {
			return "", i18n.Sprintf("holds %s", what)
		}
	}
	rel := strings.Trim(s, "/")
	if rel == "" {
		return "", i18n.Sprintf("is the home page itself")
	}
	for _, seg := range strings.Split(rel, "/") {
		switch seg {
		case "":
			return "", i18n.Sprintf(`holds an empty segment "//"`)
		case ".", "..":
			return "", i18n.Sprintf("holds a %q segment", seg)
		}
	}
	if path.Ext(rel) != "" && !strings.HasSuffix(s, "/") {
		return "/" + rel, ""
	}
	return "/" + rel + "/", ""
}

// forbidden are the characters an alias may not hold: *, : and ! have a
// meaning in _redirects, ? and # end a path, % starts an escape (write the
// character itself), and \ " < > | cannot be in a file name everywhere.
const forbidden = `*:!?#%\"<>|`

// badRune names a character that an alias may not hold, or returns "".
func badRune(r rune) string {
	switch {
	case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
		return i18n.Sprintf("a line break")
	case unicode.IsSpace(r):
		return i18n.Sprintf("a space (%U)", r)
	case !unicode.IsGraphic(r):
		return i18n.Sprintf("a control or invisible character (%U)", r)
	case strings.ContainsRune(forbidden, r):
		return fmt.Sprintf("%q", r)
	}
	return ""
}

// forbiddenList spells out forbidden for messages.
var forbiddenList = strings.Join(strings.Split(forbidden, ""), " ")

func setAliases(m *Meta, v value) (string, string) {
	list, msg, hint := v.strings()
	if msg != "" {
		return msg, hint
	}
	for _, a := range list {
		p, problem := CleanAlias(a)
		if problem != "" {
			return fmt.Sprintf("%q %s", a, problem), i18n.Sprintf(`an old address is a plain path from the site root, e.g. "/tin-cu/bai-1/", without spaces, .. or any of %s`, forbiddenList)
		}
		m.Aliases = append(m.Aliases, p)
	}
	return "", ""
}
