package cms

import (
	"maps"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"

	"github.com/loa-vn/loa/internal/content"
)

func parseAll(t *testing.T, files map[string]string) []*content.File {
	t.Helper()
	var out []*content.File
	for _, name := range slices.Sorted(maps.Keys(files)) {
		f, errs := content.Parse(name, []byte(files[name]))
		if err := errs.Err(); err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

var small = map[string]string{
	"content/_index.md":                 "---\ntitle: Cổng\n---\n",
	"content/chu-de/vi-tri/_index.md":   "---\ntitle: Vị trí, vai trò\n---\n",
	"content/chu-de/vi-tri/a.md":        "---\ntitle: A\ndate: 2026-01-02\n---\n",
	"content/chu-de/khong-index/b.md":   "---\ntitle: B\ndate: 2026-01-02\n---\n",
	"content/tin-don-vi/mttq/_index.md": "---\ntitle: Mặt trận\n---\n",
	"content/van-ban/ct.md":             "---\ntitle: CT\nissuer: BCH\ntype: Loại riêng\n---\n",
	"content/hoi-dap/q.md":              "---\ntitle: Q?\ndate: 2026-01-02\n---\n",
	"content/tin-don-vi/doan/tin-1.md":  "---\ntitle: T\ndate: 2026-01-02\n---\n",
	"content/gioi-thieu.md":             "---\ntitle: Giới thiệu\n---\n",
}

func generated(t *testing.T) decapConfig {
	t.Helper()
	files := maps.Clone(small)
	data, err := configYAML(Config{Files: parseAll(t, files)})
	if err != nil {
		t.Fatal(err)
	}
	var c decapConfig
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("config.yml does not read back: %v\n%s", err, data)
	}
	return c
}

// kindOf says which kind of file a collection's folder holds, by the
// rules of package content: a file named x.md in it is parsed.
func kindOf(t *testing.T, folder string) content.Kind {
	t.Helper()
	for _, fm := range []string{"title: X", "title: X\ndate: 2026-01-01", "title: X\nissuer: Y"} {
		if f, _ := content.Parse(folder+"/x.md", []byte("---\n"+fm+"\n---\n")); f != nil {
			return f.Kind
		}
	}
	t.Fatalf("%s: no kind", folder)
	return ""
}

// TestConfigMatchesContent: every key Loa accepts for a kind is a field of
// that kind's collections, with the same required flag, and nothing else
// is: the editor and content cannot drift apart.
func TestConfigMatchesContent(t *testing.T) {
	c := generated(t)
	seen := map[content.Kind]int{}
	for _, col := range c.Collections {
		if col.Folder == "" { // a files collection: check each file's fields
			for _, fl := range col.Files {
				checkFields(t, col.Name+"/"+fl.Name, kindOf(t, path.Dir(fl.File)), fl.Fields)
			}
			if len(col.Files) > 0 {
				seen[kindOf(t, path.Dir(col.Files[0].File))]++
			}
			continue
		}
		k := kindOf(t, col.Folder)
		seen[k]++
		checkFields(t, col.Name, k, col.Fields)
	}
	wantKinds := map[content.Kind]int{content.KindArticle: 2, content.KindQA: 1, content.KindNews: 2, content.KindDocument: 1, content.KindPage: 1}
	if !maps.Equal(seen, wantKinds) {
		t.Errorf("collections by kind = %v, want %v (one per topic and per unit)", seen, wantKinds)
	}
}

// checkFields checks that the fields of a collection (or of one file of a
// files collection) are the keys Loa accepts for kind k, with the same
// required flags.
func checkFields(t *testing.T, name string, k content.Kind, fields []field) {
	t.Helper()
	want := map[string]bool{}
	for _, f := range content.FieldsFor(k) {
		want[f.Key] = f.Required
	}
	got := map[string]bool{}
	for _, f := range fields {
		if f.Name == "body" {
			if f.Widget != "markdown" {
				t.Errorf("%s: body is a %s, not the Markdown text", name, f.Widget)
			}
			continue
		}
		got[f.Name] = f.Required
		if labels[f.Name].name == "" {
			t.Errorf("%s: %s has no Vietnamese label", name, f.Name)
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("%s (%s): fields and required flags\n got %v\nwant %v", name, k, got, want)
	}
}

// TestConfigLeavesSettingsAlone: no collection lists content/_index.md,
// the site settings, whose body key the editor would take for the text of
// the page and move out of the front matter: no folder collection is
// content/ itself, and no file of a files collection is an _index.md.
func TestConfigLeavesSettingsAlone(t *testing.T) {
	c := generated(t)
	for _, col := range c.Collections {
		if col.Folder == "content" {
			t.Errorf("%s: a folder collection of content/ lists content/_index.md", col.Name)
		}
		for _, fl := range col.Files {
			if path.Base(fl.File) == "_index.md" {
				t.Errorf("%s: lists %s", col.Name, fl.File)
			}
		}
	}
	var pages []string
	for _, col := range c.Collections {
		for _, fl := range col.Files {
			pages = append(pages, fl.File)
		}
	}
	if want := []string{"content/gioi-thieu.md"}; !slices.Equal(pages, want) {
		t.Errorf("pages = %v, want %v", pages, want)
	}
}

func TestConfigChoices(t *testing.T) {
	c := generated(t)
	byName := map[string]collection{}
	for _, col := range c.Collections {
		byName[col.Name] = col
	}
	fieldOf := func(col, key string) field {
		for _, f := range byName[col].Fields {
			if f.Name == key {
				return f
			}
		}
		t.Fatalf("%s has no field %s", col, key)
		return field{}
	}
	if f := fieldOf("bai-viet-vi-tri", "topic"); f.Widget != "hidden" || f.Default != "vi-tri" {
		t.Errorf("article topic = %+v, want hidden vi-tri (its folder)", f)
	}
	if f := fieldOf("tin-doan", "unit"); f.Widget != "hidden" || f.Default != "doan" {
		t.Errorf("news unit = %+v, want hidden doan", f)
	}
	topics := fieldOf("hoi-dap", "topic")
	if topics.Widget != "select" || len(topics.Options) != 2 || topics.Options[1] != (option{"Vị trí, vai trò", "vi-tri"}) || topics.Options[0] != (option{"khong-index", "khong-index"}) {
		t.Errorf("Q&A topic options = %+v", topics.Options)
	}
	types := fieldOf("van-ban", "type")
	if !slices.Contains(types.Options, option{"Chỉ thị", "Chỉ thị"}) || !slices.Contains(types.Options, option{"Loại riêng", "Loại riêng"}) {
		t.Errorf("document types = %+v, want the standard ones and the site's own", types.Options)
	}
	if f := fieldOf("hoi-dap", "slug"); len(f.Pattern) != 2 || f.Pattern[0] != content.SlugPattern {
		t.Errorf("slug pattern = %v", f.Pattern)
	}
	if f := fieldOf("van-ban", "issued"); f.Format != "YYYY-MM-DD" || f.TimeFormat != false {
		t.Errorf("issued = %+v, want a day without time", f)
	}
	if f := fieldOf("van-ban", "file"); f.Widget != "file" || f.MediaFolder != "/static/tep" {
		t.Errorf("file = %+v", f)
	}
	if c.MediaFolder != "static/anh" || c.PublicFolder != "/anh" || c.Locale != "vi" {
		t.Errorf("media %s %s locale %s", c.MediaFolder, c.PublicFolder, c.Locale)
	}
}

func TestFilesOptOut(t *testing.T) {
	vendor := fstest.MapFS{"decap-cms.js": {Data: []byte("x")}, "1.decap-cms.js": {Data: []byte("y")}, "README.md": {Data: []byte("r")}, "update.sh": {Data: []byte("u")}}
	files := parseAll(t, map[string]string{"content/_index.md": "---\ntitle: A\n---\n"})
	out, err := Files(Config{Files: files}, vendor)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"quan-tri/1.decap-cms.js", "quan-tri/config.yml", "quan-tri/decap-cms.js", "quan-tri/index.html", "quan-tri/loa-tai-khoan.js", "quan-tri/loa-vi.js",
		"quan-tri/thu/khoi-phuc.html", "quan-tri/thu/moi.html", "quan-tri/thu/xac-nhan.html"}
	if got := slices.Sorted(maps.Keys(out)); !slices.Equal(got, want) {
		t.Errorf("files = %v, want %v", got, want)
	}
	if !Enabled(files) {
		t.Error("editor off without cms: false")
	}
	off := parseAll(t, map[string]string{"content/_index.md": "---\ntitle: A\ncms: false\n---\n"})
	if Enabled(off) {
		t.Error("cms: false leaves the editor on")
	}
}

// TestDecapShapeParses: files in the shape Decap CMS writes them (copied
// from the browser test's log: unquoted strings, dates with the zone of
// DateFormat, false booleans written out, block lists, a day-only date)
// pass the content rules.
func TestDecapShapeParses(t *testing.T) {
	files := map[string]string{
		"content/chu-de/vi-tri/dang-uy-lanh-dao-giam-sat.md": "---\ntitle: Đảng ủy lãnh đạo giám sát\ndate: 2026-12-01T23:13:00+00:00\nsummary: Tóm tắt của bài.\ntopic: vi-tri\nfeatured: false\ndraft: false\nexample: false\nunsafe: false\n---\n",
		"content/hoi-dap/ai-duoc-giam-sat-o-xa.md":           "---\ntitle: Ai được giám sát ở xã?\ndate: 2026-12-01T08:00:00+07:00\nasker: Bạn T.L., khu phố 2\ntags:\n  - giám sát\n  - dân chủ cơ sở\nimage: /anh/hoi-nghi.jpg\nalt: Hội nghị\nfeatured: false\ndraft: false\nexample: false\nunsafe: false\nweight: 2\n---\nTrả lời.\n",
		"content/van-ban/ct-18.md":                           "---\ntitle: 'Chỉ thị số 18-CT/TW: về giám sát'\nnumber: 18-CT/TW\ntype: Chỉ thị\nissuer: Ban Chấp hành Trung ương\nissued: 2022-10-26\nfile: /tep/ct-18.pdf\n---\n",
	}
	for name, data := range files {
		f, errs := content.Parse(name, []byte(data))
		if err := errs.Err(); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if f.Meta.Title == "" {
			t.Errorf("%s: no title", name)
		}
	}
}
