package build

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var ldScript = regexp.MustCompile(`<script type=application/ld\+json>(.*?)</script>`)

// ldSite is a small portal for the JSON-LD and meta tests: an article by a
// unit with an updated date, a news item, a Q&A item whose answer has a
// list and a link, and tags on one and on two items.
const ldSite = `
-- content/_index.md --
---
title: "Cổng thông tin"
description: "Trang tuyên truyền Chỉ thị 18 của thị trấn."
parent: "Đảng bộ huyện"
body: "Đảng ủy thị trấn"
address: "Số 1, khu phố 2"
phone: "0123 456 789"
email: "dangUy@example.org"
---
Đoạn mở đầu của trang chủ.
-- content/chu-de/vai-tro/_index.md --
---
title: "Vai trò"
---
-- content/tin-don-vi/mttq/_index.md --
---
title: "Ủy ban MTTQ"
---
-- content/chu-de/vai-tro/bai.md --
---
title: "Giám sát </script><script>alert(1)</script> & phản biện"
date: 2026-11-20
updated: 2026-11-25
summary: "Tóm tắt \"có ngoặc\""
unit: mttq
tags: ["giám sát", "một mình"]
aliases: ["/cu/bai/"]
---
Nội dung.
-- content/tin-don-vi/mttq/hoi-nghi.md --
---
title: "Hội nghị"
date: 2026-11-21
tags: ["giám sát"]
---
Tin hội nghị.
-- content/hoi-dap/hoi.md --
---
title: "Giám sát là gì?"
date: 2026-11-20
topic: vai-tro
---
Là theo dõi, xem xét theo [Chỉ thị](/chu-de/vai-tro/).

## Ai giám sát

- Mặt trận
- Đoàn thể
`

// ldThing is one node of a page's @graph, with the fields the tests read.
type ldThing struct {
	Type          string `json:"@type"`
	Name          string
	URL           string
	InLanguage    string
	Address       string
	Telephone     string
	Email         string
	Logo          string
	Image         string
	Parent        *ldThing `json:"parentOrganization"`
	Headline      string
	Description   string
	DatePublished string
	DateModified  string
	Author        *ldThing
	Publisher     *ldThing
	Action        *struct {
		Type       string `json:"@type"`
		Target     string
		QueryInput string `json:"query-input"`
	} `json:"potentialAction"`
	Items []struct {
		Position int
		Name     string
		Item     string
	} `json:"itemListElement"`
	Questions []struct {
		Name   string
		Answer struct{ Text string } `json:"acceptedAnswer"`
	} `json:"mainEntity"`
}

// readLD returns the @graph of a built page by type.
func readLD(t *testing.T, files map[string][]byte, name string) map[string]ldThing {
	t.Helper()
	m := ldScript.FindAllSubmatch(files[name], -1)
	if len(m) != 1 {
		t.Fatalf("%s: %d JSON-LD blocks, want 1", name, len(m))
	}
	var doc struct {
		Context string    `json:"@context"`
		Graph   []ldThing `json:"@graph"`
	}
	if err := json.Unmarshal(m[0][1], &doc); err != nil {
		t.Fatalf("%s: JSON-LD is not JSON: %v\n%s", name, err, m[0][1])
	}
	if doc.Context != "https://schema.org" {
		t.Errorf("%s: @context = %q", name, doc.Context)
	}
	byType := map[string]ldThing{}
	for _, g := range doc.Graph {
		byType[g.Type] = g
	}
	return byType
}

func buildLDSite(t *testing.T) map[string][]byte {
	t.Helper()
	_, files, err := buildTxtar(t, txtar.Parse([]byte(ldSite)), "https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestJSONLD checks the schema.org data of the pages: valid JSON, the
// right types and values, and a title holding "</script>" kept inside the
// data block (were it written raw, the block would end there and not
// parse).
func TestJSONLD(t *testing.T) {
	files := buildLDSite(t)
	// The logo is the theme's emblem, fingerprinted, as an absolute URL.
	logo := ""
	for name := range files {
		if strings.HasPrefix(name, "img/emblem.") && strings.HasSuffix(name, ".svg") {
			logo = "https://example.org/" + name
		}
	}
	if logo == "" {
		t.Fatal("no img/emblem.*.svg written")
	}
	publisher := &ldThing{Type: "Organization", Name: "Đảng ủy thị trấn", URL: "https://example.org/", Logo: logo}

	home := readLD(t, files, "index.html")
	if got := home["WebSite"]; got.Name != "Cổng thông tin" || got.URL != "https://example.org/" || got.InLanguage != "vi" || got.Action == nil ||
		got.Action.Type != "SearchAction" || got.Action.Target != "https://example.org/tim-kiem/?q={search_term_string}" || got.Action.QueryInput != "required name=search_term_string" {
		t.Errorf("WebSite %+v, action %+v", got, got.Action)
	}
	want := ldThing{Type: "Organization", Name: "Đảng ủy thị trấn", URL: "https://example.org/", Logo: logo, Parent: &ldThing{Type: "Organization", Name: "Đảng bộ huyện"},
		Address: "Số 1, khu phố 2", Telephone: "0123 456 789", Email: "dangUy@example.org"}
	if got := home["Organization"]; !reflect.DeepEqual(got, want) {
		t.Errorf("Organization\ngot  %+v\nwant %+v", got, want)
	}

	art := readLD(t, files, "chu-de/vai-tro/bai/index.html")
	// The image is the page's share card, the one og:image names.
	card := find(ogImageURL, files["chu-de/vai-tro/bai/index.html"])
	if _, ok := files[strings.TrimPrefix(card, "https://example.org/")]; !ok || !strings.HasPrefix(card, "https://example.org/") {
		t.Errorf("the article's og:image %q is not a file of the site", card)
	}
	wantArt := ldThing{
		Image: card,
		Type:  "Article", Headline: "Giám sát </script><script>alert(1)</script> & phản biện", Description: `Tóm tắt "có ngoặc"`,
		DatePublished: "2026-11-20T00:00:00+07:00", DateModified: "2026-11-25T00:00:00+07:00", InLanguage: "vi",
		Author:    &ldThing{Type: "Organization", Name: "Ủy ban MTTQ", URL: "https://example.org/tin-don-vi/mttq/"},
		Publisher: publisher,
	}
	if got := art["Article"]; !reflect.DeepEqual(got, wantArt) {
		t.Errorf("Article\ngot  %+v\nwant %+v", got, wantArt)
	}
	if _, ok := art["NewsArticle"]; ok {
		t.Error("an article is marked up as NewsArticle")
	}
	crumbs := art["BreadcrumbList"].Items
	if len(crumbs) != 4 || crumbs[0].Name != "Trang chủ" || crumbs[2].Item != "https://example.org/chu-de/vai-tro/" || crumbs[3].Position != 4 {
		t.Errorf("breadcrumbs %+v", crumbs)
	}

	news := readLD(t, files, "tin-don-vi/mttq/hoi-nghi/index.html")["NewsArticle"]
	if news.Image == "" || news.Image != find(ogImageURL, files["tin-don-vi/mttq/hoi-nghi/index.html"]) {
		t.Errorf("NewsArticle image %q is not the page's og:image", news.Image)
	}
	if news.DatePublished != "2026-11-21T00:00:00+07:00" || news.DateModified != news.DatePublished ||
		!reflect.DeepEqual(news.Author, &ldThing{Type: "Organization", Name: "Ủy ban MTTQ", URL: "https://example.org/tin-don-vi/mttq/"}) ||
		!reflect.DeepEqual(news.Publisher, publisher) {
		t.Errorf("NewsArticle %+v, author %+v, publisher %+v", news, news.Author, news.Publisher)
	}

	qa := readLD(t, files, "hoi-dap/hoi/index.html")["FAQPage"].Questions
	answer := "<p>Là theo dõi, xem xét theo Chỉ thị.</p>\n<h2>Ai giám sát</h2>\n<ul>\n<li>Mặt trận</li>\n<li>Đoàn thể</li>\n</ul>"
	if len(qa) != 1 || qa[0].Name != "Giám sát là gì?" || qa[0].Answer.Text != answer {
		t.Errorf("FAQPage %+v\nwant answer %q", qa, answer)
	}
	// Each question is marked up once, on its own page, where the whole
	// answer shows: the index shows only summaries.
	if got, ok := readLD(t, files, "hoi-dap/index.html")["FAQPage"]; ok {
		t.Errorf("/hoi-dap/ has a FAQPage: %+v", got)
	}
	if got := readLD(t, files, "404.html"); len(got) != 0 {
		t.Errorf("404.html has JSON-LD %+v, want none", got)
	}
}

// docSite has a document with every field and a file, and one with only
// what a document must have.
const docSite = `
-- content/_index.md --
---
title: "Cổng"
---
-- content/van-ban/ct.md --
---
title: "Chỉ thị số 18-CT/TW"
number: "18-CT/TW"
type: "Chỉ thị"
issuer: "Ban Bí thư"
issued: 2022-10-26
signer: "Võ Văn Thưởng"
summary: "Về giám sát, phản biện xã hội."
expires: 2027-01-01
file: files/ct-18.PDF
---
Nội dung.
-- content/van-ban/cv.md --
---
title: "Công văn"
issuer: "Đảng ủy"
---
Nội dung.
-- static/files/ct-18.PDF --
%PDF-1.4
`

// TestDocumentJSONLD checks the DigitalDocument of document pages.
func TestDocumentJSONLD(t *testing.T) {
	_, files, err := buildTxtar(t, txtar.Parse([]byte(docSite)), "https://example.org/portal/")
	if err != nil {
		t.Fatal(err)
	}
	type media struct {
		Type           string `json:"@type"`
		ContentURL     string
		EncodingFormat string
	}
	type org struct {
		Type string `json:"@type"`
		Name string
	}
	type doc struct {
		Type                                    string `json:"@type"`
		Name, Identifier, Genre, Abstract       string
		DatePublished, InLanguage, URL, Expires string
		Author                                  *org
		Encoding                                *media
	}
	read := func(name string) doc {
		t.Helper()
		m := ldScript.FindSubmatch(files[name])
		if m == nil {
			t.Fatalf("%s: no JSON-LD", name)
		}
		var g struct {
			Graph []json.RawMessage `json:"@graph"`
		}
		if err := json.Unmarshal(m[1], &g); err != nil {
			t.Fatal(err)
		}
		for _, raw := range g.Graph {
			var d doc
			if err := json.Unmarshal(raw, &d); err != nil {
				t.Fatal(err)
			}
			if d.Type == "DigitalDocument" {
				return d
			}
		}
		t.Fatalf("%s: no DigitalDocument in %s", name, m[1])
		return doc{}
	}
	got := read("van-ban/ct/index.html")
	want := doc{
		Type: "DigitalDocument", Name: "Chỉ thị số 18-CT/TW", Identifier: "18-CT/TW", Genre: "Chỉ thị",
		Abstract: "Về giám sát, phản biện xã hội.", DatePublished: "2022-10-26", InLanguage: "vi",
		URL: "https://example.org/portal/van-ban/ct/", Expires: "2027-01-01",
		Author:   &org{"Organization", "Ban Bí thư"},
		Encoding: &media{"MediaObject", "https://example.org/portal/files/ct-18.PDF", "application/pdf"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("full document\ngot  %+v\nwant %+v", got, want)
	}
	got = read("van-ban/cv/index.html")
	if got.Identifier != "" || got.Genre != "" || got.DatePublished != "" || got.Expires != "" || got.Encoding != nil || got.Author == nil || got.Author.Name != "Đảng ủy" {
		t.Errorf("bare document %+v", got)
	}
}

// TestAuthorURL checks the author of an article named by its author key:
// a unit's name links to the unit's page, whatever its case; the site's
// own body is the publisher; any other name stays a name.
func TestAuthorURL(t *testing.T) {
	site := `
-- content/_index.md --
---
title: "Cổng"
body: "Đảng ủy xã"
---
-- content/chu-de/vai-tro/_index.md --
---
title: "Vai trò"
---
-- content/tin-don-vi/mttq/_index.md --
---
title: "Ủy ban Mặt trận Tổ quốc xã"
---
`
	authors := map[string]*ldThing{
		"ỦY BAN MẶT TRẬN TỔ QUỐC XÃ": {Type: "Organization", Name: "Ủy ban Mặt trận Tổ quốc xã", URL: "https://example.org/tin-don-vi/mttq/"},
		"Đảng ủy xã":                 {Type: "Organization", Name: "Đảng ủy xã", URL: "https://example.org/"},
		"Hội Người cao tuổi xã":      {Type: "Organization", Name: "Hội Người cao tuổi xã"},
	}
	i := 0
	for author := range authors {
		i++
		site += fmt.Sprintf("-- content/chu-de/vai-tro/bai-%d.md --\n---\ntitle: \"Bài %d\"\ndate: 2026-11-20\nauthor: %q\n---\nNội dung.\n", i, i, author)
	}
	_, files, err := buildTxtar(t, txtar.Parse([]byte(site)), "https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= len(authors); i++ {
		page := fmt.Sprintf("chu-de/vai-tro/bai-%d/index.html", i)
		got := readLD(t, files, page)["Article"].Author
		if got == nil {
			t.Errorf("%s: no author", page)
			continue
		}
		var want *ldThing
		for name, w := range authors {
			if strings.EqualFold(name, got.Name) {
				want = w
			}
		}
		if got.Logo != "" {
			got = &ldThing{Type: got.Type, Name: got.Name, URL: got.URL}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: author %+v, want %+v", page, got, want)
		}
	}
}
