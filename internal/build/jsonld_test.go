package build

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var ldScript = regexp.MustCompile(`<script type=application/ld\+json>(.*?)</script>`)

// TestJSONLD checks the schema.org data of an article and a Q&A page: valid
// JSON, the right types and values, and a title holding "</script>" kept
// inside the data block (were it written raw, the block would end there and
// not parse).
func TestJSONLD(t *testing.T) {
	ar := txtar.Parse([]byte(`
-- content/_index.md --
---
title: "Cổng thông tin"
publisher: "Đảng ủy thị trấn"
---
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
summary: "Tóm tắt \"có ngoặc\""
unit: mttq
---
Nội dung.
-- content/hoi-dap/hoi.md --
---
title: "Giám sát là gì?"
date: 2026-11-20
topic: vai-tro
---
Là theo dõi, xem xét.
`))
	_, files, err := buildTxtar(t, ar, "https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	type thing struct {
		Type        string `json:"@type"`
		Headline    string `json:"headline"`
		Description string `json:"description"`
		Author      struct{ Name string }
		Publisher   struct{ Name string }
		Items       []struct {
			Position int
			Name     string
			Item     string
		} `json:"itemListElement"`
		Questions []struct {
			Name   string
			Answer struct{ Text string } `json:"acceptedAnswer"`
		} `json:"mainEntity"`
	}
	read := func(name string) map[string]thing {
		t.Helper()
		m := ldScript.FindAllSubmatch(files[name], -1)
		if len(m) != 1 {
			t.Fatalf("%s: %d JSON-LD blocks, want 1", name, len(m))
		}
		var doc struct {
			Context string  `json:"@context"`
			Graph   []thing `json:"@graph"`
		}
		if err := json.Unmarshal(m[0][1], &doc); err != nil {
			t.Fatalf("%s: JSON-LD is not JSON: %v\n%s", name, err, m[0][1])
		}
		if doc.Context != "https://schema.org" {
			t.Errorf("%s: @context = %q", name, doc.Context)
		}
		byType := map[string]thing{}
		for _, g := range doc.Graph {
			byType[g.Type] = g
		}
		return byType
	}

	art := read("chu-de/vai-tro/bai/index.html")
	a := art["NewsArticle"]
	if a.Headline != "Giám sát </script><script>alert(1)</script> & phản biện" || a.Description != `Tóm tắt "có ngoặc"` {
		t.Errorf("NewsArticle headline %q, description %q", a.Headline, a.Description)
	}
	if a.Author.Name != "Ủy ban MTTQ" || a.Publisher.Name != "Đảng ủy thị trấn" {
		t.Errorf("author %q, publisher %q", a.Author.Name, a.Publisher.Name)
	}
	crumbs := art["BreadcrumbList"].Items
	if len(crumbs) != 4 || crumbs[0].Name != "Trang chủ" || crumbs[2].Item != "https://example.org/chu-de/vai-tro/" || crumbs[3].Position != 4 {
		t.Errorf("breadcrumbs %+v", crumbs)
	}

	qa := read("hoi-dap/hoi/index.html")["FAQPage"].Questions
	if len(qa) != 1 || qa[0].Name != "Giám sát là gì?" || !strings.Contains(qa[0].Answer.Text, "Là theo dõi") {
		t.Errorf("FAQPage %+v", qa)
	}
}
