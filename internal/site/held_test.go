package site

import (
	"strings"
	"testing"
)

// TestDraftTopicAndUnit checks that the messages about a topic or unit
// whose _index.md is a draft say so, and what to do, rather than calling
// the _index.md missing.
func TestDraftTopicAndUnit(t *testing.T) {
	home := map[string]string{"content/_index.md": "---\ntitle: Trang\n---\n"}
	tests := []struct {
		name   string
		files  map[string]string
		drafts bool
		want   []string
	}{
		{"draft topic", map[string]string{
			"content/chu-de/t/_index.md": "---\ntitle: Chủ đề\ndraft: true\n---\n",
			"content/chu-de/t/a.md":      "---\ntitle: A\ndate: 2023-01-01\n---\n",
			"content/hoi-dap/h.md":       "---\ntitle: H?\ndate: 2023-01-01\ntopic: t\n---\n",
		}, false, []string{
			`content/chu-de/t/_index.md:3: draft: the topic's _index.md is a draft, but articles of the topic are not; remove draft: true to publish the topic, or add draft: true to each of its articles too`,
			`content/chu-de/t/a.md:1: topic: topic "t" is a draft (content/chu-de/t/_index.md has draft: true); remove draft: true there to publish the topic, or add draft: true here too`,
			`content/hoi-dap/h.md:4: topic: topic "t" is a draft (content/chu-de/t/_index.md has draft: true); remove draft: true there to publish the topic, or add draft: true here too`,
		}},
		{"draft unit", map[string]string{
			"content/tin-don-vi/u/_index.md": "---\ntitle: Đơn vị\ndraft: true\n---\n",
			"content/tin-don-vi/u/n.md":      "---\ntitle: N\ndate: 2023-01-01\n---\n",
		}, false, []string{
			`content/tin-don-vi/u/_index.md:3: draft: the unit's _index.md is a draft, but news items of the unit are not; remove draft: true to publish the unit, or add draft: true to each of its news items too`,
			`content/tin-don-vi/u/n.md:1: unit: unit "u" is a draft (content/tin-don-vi/u/_index.md has draft: true); remove draft: true there to publish the unit, or add draft: true here too`,
		}},
		{"draft topic, all drafts", map[string]string{
			"content/chu-de/t/_index.md": "---\ntitle: Chủ đề\ndraft: true\n---\n",
			"content/chu-de/t/a.md":      "---\ntitle: A\ndate: 2023-01-01\ndraft: true\n---\n",
		}, false, nil},
		{"draft topic, built with drafts", map[string]string{
			"content/chu-de/t/_index.md": "---\ntitle: Chủ đề\ndraft: true\n---\n",
			"content/chu-de/t/a.md":      "---\ntitle: A\ndate: 2023-01-01\n---\n",
		}, true, nil},
		{"missing topic", map[string]string{
			"content/chu-de/t/a.md": "---\ntitle: A\ndate: 2023-01-01\n---\n",
		}, false, []string{
			`content/chu-de/t/_index.md: missing: every topic folder needs an _index.md; create it with title: "…" (the topic's name) and summary`,
			`content/chu-de/t/a.md:1: topic: there is no topic "t"; create content/chu-de/t/_index.md`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range home {
				tt.files[k] = v
			}
			_, errs := newSite(t, Config{Drafts: tt.drafts}, tt.files)
			got := ""
			if err := errs.Err(); err != nil {
				got = err.Error()
			}
			if want := strings.Join(tt.want, "\n"); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
