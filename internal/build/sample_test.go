package build

import (
	"context"
	"maps"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/output"
)

// buildSample builds the repository's sample portal into memory.
func buildSample(t *testing.T, baseURL string) (*Result, map[string][]byte) {
	t.Helper()
	mem := output.NewMemory()
	res, err := Build(context.Background(), Config{Site: os.DirFS("../.."), Theme: os.DirFS("../.."), BaseURL: baseURL, Now: testNow}, mem)
	if err != nil {
		t.Fatalf("building the sample portal: %v", err)
	}
	return res, mem.Files()
}

var refAttr = regexp.MustCompile(`\s(?:href|src)=("[^"]*"|'[^']*'|[^\s>]+)`)

// TestSampleLinks checks that every internal link and asset reference of
// every page of the sample portal resolves to a file of the output, under
// the root and under a sub-path.
func TestSampleLinks(t *testing.T) {
	for _, base := range []string{"", "https://example.org/portal/"} {
		t.Run("base="+base, func(t *testing.T) {
			_, files := buildSample(t, base)
			prefix := "/"
			if base != "" {
				u, _ := url.Parse(base)
				prefix = u.Path
			}
			checked := 0
			for name, data := range files {
				// The e-mails of quan-tri/thu/ are GoTrue templates: their
				// links start with {{ .SiteURL }} (TestLetters, package cms).
				if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "quan-tri/thu/") {
					continue
				}
				for _, m := range refAttr.FindAllSubmatch(data, -1) {
					ref := strings.Trim(string(m[1]), `"'`)
					ref = strings.ReplaceAll(ref, "&amp;", "&")
					u, err := url.Parse(ref)
					if err != nil {
						t.Errorf("%s: bad URL %q", name, ref)
						continue
					}
					switch {
					case u.Path == "" && u.Fragment != "":
						continue // same-page anchor
					case u.Scheme != "" || u.Host != "":
						if base == "" || !strings.HasPrefix(ref, base) {
							continue // external link
						}
					}
					if !strings.HasPrefix(u.Path, prefix) {
						t.Errorf("%s: link %q is outside the base path %s", name, ref, prefix)
						continue
					}
					target := strings.TrimPrefix(u.Path, prefix)
					if target == "" || strings.HasSuffix(target, "/") {
						target += "index.html"
					}
					if _, ok := files[path.Clean(target)]; !ok {
						t.Errorf("%s: link %q leads to no file (%s)", name, ref, target)
					}
					checked++
				}
			}
			if checked < 1000 {
				t.Errorf("checked only %d links; the sample portal should have many more", checked)
			}
		})
	}
}

// TestSampleKinds checks that the sample portal has every page kind and
// the counts the foundation issue asks for.
func TestSampleKinds(t *testing.T) {
	res, files := buildSample(t, "https://example.org/")
	min := map[content.Kind]int{
		content.KindHome: 1, content.KindTopic: 7, content.KindArticle: 7, content.KindQA: 3,
		content.KindUnit: 3, content.KindNews: 3, content.KindDocument: 2, content.KindPage: 1,
	}
	for k, n := range min {
		if res.Kinds[k] < n {
			t.Errorf("%d pages of kind %s, want at least %d", res.Kinds[k], k, n)
		}
	}
	for _, name := range []string{
		"index.html", "404.html", "sitemap.xml", "robots.txt", "index.xml",
		"chu-de/index.html", "hoi-dap/index.html", "tin-don-vi/index.html", "van-ban/index.html",
		"the/index.html", "tim-kiem/index.html", "gioi-thieu/index.html",
		"chu-de/vi-tri-vai-tro/index.html", "chu-de/vi-tri-vai-tro/index.xml", "tin-don-vi/mttq/index.xml",
	} {
		if _, ok := files[name]; !ok {
			t.Errorf("%s is missing from the output", name)
		}
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") && !strings.Contains(string(data), "<html lang=vi>") && !strings.Contains(string(data), `<html lang="vi">`) {
			t.Errorf("%s lacks lang=vi", name)
		}
	}
}

// TestMinifiedLayouts checks that pages made from layouts minified once
// are the pages the minifier makes of each page, up to what a second pass
// of the minifier removes; and how many bytes that leaves.
func TestMinifiedLayouts(t *testing.T) {
	build := func(minifyPages bool) map[string][]byte {
		mem := output.NewMemory()
		cfg := Config{Site: os.DirFS("../.."), Theme: os.DirFS("../.."), BaseURL: "https://example.org/", Now: testNow, minifyPages: minifyPages}
		if _, err := Build(context.Background(), cfg, mem); err != nil {
			t.Fatal(err)
		}
		return mem.Files()
	}
	fromLayouts, perPage := build(false), build(true)
	min := output.NewMinifier()
	var sizeLayouts, sizePages, pages int
	for name, want := range perPage {
		// The editor's files (quan-tri/) are written as they are, not made
		// from layouts.
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "quan-tri/") {
			continue
		}
		got := fromLayouts[name]
		again, err := min.Bytes(name, got)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if string(again) != string(want) {
			t.Errorf("%s: minifying the page made from minified layouts gives\n%s\nwant\n%s", name, again, want)
			continue
		}
		pages++
		sizeLayouts += len(got)
		sizePages += len(want)
	}
	if pages < 100 {
		t.Fatalf("compared only %d pages", pages)
	}
	t.Logf("%d pages: %d bytes from minified layouts, %d from minified pages (+%.2f%%)", pages, sizeLayouts, sizePages, 100*float64(sizeLayouts-sizePages)/float64(sizePages))
	if sizeLayouts > sizePages*103/100 {
		t.Errorf("pages from minified layouts are %d bytes, more than 3%% over the %d of minified pages", sizeLayouts, sizePages)
	}
}

var idAttrRe = regexp.MustCompile(`\sid=("[^"]*"|'[^']*'|[^\s>]+)`)

// pageIDs returns the ids the page name writes, and reports each one it
// writes twice.
func pageIDs(t *testing.T, name string, page []byte) map[string]bool {
	t.Helper()
	seen := map[string]bool{}
	for _, m := range idAttrRe.FindAllSubmatch(page, -1) {
		id := strings.Trim(string(m[1]), `"'`)
		if seen[id] {
			t.Errorf("%s: id %q twice", name, id)
		}
		seen[id] = true
	}
	return seen
}

// TestSampleUniqueIDs checks that no page of the sample portal writes an
// id twice: heading ids of bodies never take the layouts' ids (a news
// item has a heading "Nội dung", and <main> is id="noi-dung").
func TestSampleUniqueIDs(t *testing.T) {
	_, files := buildSample(t, "https://example.org/")
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			pageIDs(t, name, data)
		}
	}
	page := files["tin-don-vi/mttq/hoi-nghi-quan-triet-chi-thi-18/index.html"]
	if !strings.Contains(string(page), `id="noi-dung-1"`) {
		t.Errorf("the heading \"Nội dung\" of tin-don-vi/mttq/hoi-nghi-quan-triet-chi-thi-18 is not id=\"noi-dung-1\"")
	}
}

// TestHeadingBesideTopicIDs checks that a heading of the Q&A index's own
// text never takes the id of a topic section the layout writes there
// (the sections' ids are made from the topics' folder names).
func TestHeadingBesideTopicIDs(t *testing.T) {
	site := `
-- content/_index.md --
---
title: "Cổng"
---
-- content/chu-de/vai-tro/_index.md --
---
title: "Vai trò"
---
-- content/hoi-dap/_index.md --
---
title: "Hỏi - đáp"
---
## Vai trò

Lời dẫn.
-- content/hoi-dap/hoi.md --
---
title: "Giám sát là gì?"
date: 2026-11-20
topic: vai-tro
---
Là theo dõi.
`
	_, files, err := buildTxtar(t, txtar.Parse([]byte(site)), "https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	seen := pageIDs(t, "hoi-dap/index.html", files["hoi-dap/index.html"])
	if !seen["vai-tro"] || !seen["chu-de_vai-tro"] {
		t.Errorf("hoi-dap/index.html: want the heading's id vai-tro and the section's chu-de_vai-tro; ids are %v", slices.Sorted(maps.Keys(seen)))
	}
}
