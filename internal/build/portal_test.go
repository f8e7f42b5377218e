package build

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/loa-vn/loa/internal/content"
)

// TestSamplePortalContent checks the bundled portal against what the
// content issue promises: the seven topics with at least three articles of
// 400–900 words each, at least 25 Q&A items tied to topics, at least 12
// sample news items from at least 6 units, the four core documents, text in
// NFC, and every cited document number linked to its page.
func TestSamplePortalContent(t *testing.T) {
	res, files := buildSample(t, "https://example.org/")
	s := res.Site
	if len(s.Topics) != 7 {
		t.Errorf("%d topics, want the plan's 7", len(s.Topics))
	}
	for _, topic := range s.Topics {
		if len(topic.Items) < 3 {
			t.Errorf("topic %s has %d articles, want at least 3", topic.Title, len(topic.Items))
		}
		if topic.Summary == "" {
			t.Errorf("topic %s has no description", topic.Title)
		}
	}
	for _, a := range s.Articles {
		words := len(strings.Fields(a.Body.Text))
		if words < 400 || words > 900 {
			t.Errorf("%s: %d words, want 400–900", a.Path(), words)
		}
		if a.Meta.Summary == "" || a.Topic == nil {
			t.Errorf("%s: every article needs a summary and a topic", a.Path())
		}
	}
	if len(s.QA) < 25 {
		t.Errorf("%d Q&A items, want at least 25", len(s.QA))
	}
	for _, q := range s.QA {
		if q.Topic == nil {
			t.Errorf("%s: Q&A item without a topic", q.Path())
		}
	}
	units := map[string]bool{}
	for _, n := range s.News {
		units[n.Unit.URL] = true
		if !n.Meta.Example {
			t.Errorf("%s: sample news must be marked example: true", n.Path())
		}
	}
	if len(s.News) < 12 || len(units) < 6 {
		t.Errorf("%d news items from %d units, want at least 12 from 6", len(s.News), len(units))
	}
	numbers := map[string]bool{}
	for _, d := range s.Documents {
		numbers[d.Meta.Number] = true
	}
	for _, n := range []string{"18-CT/TW", "50-HD/HU", "303-CV/HU"} {
		if !numbers[n] {
			t.Errorf("no document page for %s", n)
		}
	}
	plan := false
	for _, d := range s.Documents {
		plan = plan || d.Meta.Type == "Kế hoạch" && d.Meta.Number == "" && d.Meta.Issued.IsZero()
	}
	if !plan {
		t.Error("no page for the plan itself (a Kế hoạch without number or date, as published)")
	}
	if len(res.Notices) > 0 {
		t.Errorf("the sample portal has notices (uncited documents?):\n%s", res.Notices.Error())
	}
	for _, p := range s.Pages {
		if p.Body == nil {
			continue
		}
		for _, c := range p.Body.Citations {
			if c.URL == "" {
				t.Errorf("%s:%d: %s is cited but has no page", p.Path(), c.Line, c.Number)
			}
		}
	}
	for name, data := range files {
		if utf8.Valid(data) && !norm.NFC.IsNormal(data) {
			t.Errorf("%s is not in NFC", name)
		}
	}
	for _, f := range s.Pages {
		if f.File != nil && f.File.Kind == content.KindNews && !strings.Contains(string(files[FileName(f.URL)]), "Bài mẫu") {
			t.Errorf("%s does not show Bài mẫu", f.URL)
		}
	}
}
