package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// formatArg is the position of the format string in each function of
// this package that takes one.
var formatArg = map[string]int{"Sprintf": 0, "Errorf": 0, "Fprintf": 1}

// usedFormats returns every format string passed to Sprintf, Errorf or
// Fprintf of this package in the module's Go files outside tests, with
// where it is used. A format that is not a string literal is an error:
// the catalog could not be checked against it.
func usedFormats(t *testing.T) map[string]string {
	t.Helper()
	used := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "../.." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, ok := sel.X.(*ast.Ident)
			i, takes := formatArg[sel.Sel.Name]
			if !ok || pkg.Name != "i18n" || !takes || len(call.Args) <= i {
				return true
			}
			lit, ok := call.Args[i].(*ast.BasicLit)
			if id, isIdent := call.Args[i].(*ast.Ident); isIdent {
				lit, ok = constString(id)
			}
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: the format of i18n.%s is not a string literal", fset.Position(call.Pos()), sel.Sel.Name)
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			used[s] = fset.Position(call.Pos()).String()
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(used) < 100 {
		t.Fatalf("found only %d messages; is the scan of the module broken?", len(used))
	}
	return used
}

// constString returns the literal value of a string constant declared in
// the same file as id.
func constString(id *ast.Ident) (*ast.BasicLit, bool) {
	if id.Obj == nil || id.Obj.Kind != ast.Con {
		return nil, false
	}
	spec, ok := id.Obj.Decl.(*ast.ValueSpec)
	if !ok || len(spec.Values) != 1 {
		return nil, false
	}
	lit, ok := spec.Values[0].(*ast.BasicLit)
	return lit, ok
}

// TestCatalogMatchesCode checks that the Vietnamese catalog has an entry
// for every message of the code and no entry that the code does not use.
func TestCatalogMatchesCode(t *testing.T) {
	used := usedFormats(t)
	for _, key := range slices.Sorted(func(yield func(string) bool) {
		for k := range used {
			if !yield(k) {
				return
			}
		}
	}) {
		if _, ok := vi[key]; !ok {
			t.Errorf("%s: no Vietnamese for %q", used[key], key)
		}
	}
	for key := range vi {
		if _, ok := used[key]; !ok {
			t.Errorf("the catalog has %q, which no code uses", key)
		}
	}
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*[\d*]*(\.\d+)?[a-zA-Z%]`)

// TestCatalogEntries checks each Vietnamese text: the same verbs as its
// key, so that fmt fills it with the same arguments; NFC; and not left
// in English.
func TestCatalogEntries(t *testing.T) {
	for key, msg := range vi {
		got, want := verb.FindAllString(msg, -1), verb.FindAllString(key, -1)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: verbs %v, want %v as in the key", msg, got, want)
		}
		if !norm.NFC.IsNormalString(msg) {
			t.Errorf("%q is not NFC", msg)
		}
		if msg == key && strings.TrimSpace(verb.ReplaceAllString(key, "")) != "" {
			t.Errorf("%q is not translated", key)
		}
	}
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, Vietnamese},
		{map[string]string{"LANG": "vi_VN.UTF-8"}, Vietnamese},
		{map[string]string{"LANG": "en_US.UTF-8"}, English},
		{map[string]string{"LANG": "en"}, English},
		{map[string]string{"LANG": "C.UTF-8"}, English},
		{map[string]string{"LANG": "POSIX"}, English},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, Vietnamese},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "vi_VN"}, Vietnamese},
		{map[string]string{"LANG": "vi_VN", "LC_MESSAGES": "en_GB"}, English},
		{map[string]string{"LC_MESSAGES": "en_GB", "LC_ALL": "vi_VN.UTF-8"}, Vietnamese},
		{map[string]string{"LANG": "vi_VN", "LC_ALL": "en_US"}, English},
		{map[string]string{"LANG": "en_US", "LC_ALL": ""}, English}, // an empty one is not set
	}
	for _, tt := range tests {
		if got := FromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("FromEnv(%v) = %v, want %v", tt.env, got, tt.want)
		}
	}
}

func TestSprintf(t *testing.T) {
	defer SetLanguage(Language())
	SetLanguage(Vietnamese)
	if got, want := Sprintf("%q is not a date", "31/02/2026"), `"31/02/2026" không phải là ngày`; got != want {
		t.Errorf("vi: got %q, want %q", got, want)
	}
	// Numbers are formatted by fmt, not by the locale: no 2.026.
	if got, want := Sprintf("key given twice (first on line %d)", 2026), "khóa bị viết hai lần (lần đầu ở dòng 2026)"; got != want {
		t.Errorf("vi: got %q, want %q", got, want)
	}
	if got, want := Sprintf("not in the catalog %d", 1), "not in the catalog 1"; got != want {
		t.Errorf("a message with no entry: got %q, want %q", got, want)
	}
	SetLanguage(English)
	if got, want := Sprintf("%q is not a date", "31/02/2026"), `"31/02/2026" is not a date`; got != want {
		t.Errorf("en: got %q, want %q", got, want)
	}
}
