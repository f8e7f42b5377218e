package cms

import (
	"encoding/json"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestVietnameseComplete: vi.js adds exactly the phrases that Decap's own
// Vietnamese lacks (testdata/decap-vi-missing.json, made by
// decap/vi-missing.sh from the decap-cms-locales that the vendored Decap
// bundles), each translated: not the English text, in NFC, with the same
// %{placeholders}.
func TestVietnameseComplete(t *testing.T) {
	data, err := os.ReadFile("testdata/decap-vi-missing.json")
	if err != nil {
		t.Fatal(err)
	}
	var english map[string]string
	if err := json.Unmarshal(data, &english); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)var missing = (\{.*?\});`).FindSubmatch(viJS)
	if m == nil {
		t.Fatal("vi.js has no var missing = {…};")
	}
	var added map[string]string
	if err := json.Unmarshal(m[1], &added); err != nil {
		t.Fatalf("vi.js: missing is not JSON: %v", err)
	}
	for _, k := range slices.Sorted(maps.Keys(english)) {
		vi, ok := added[k]
		switch {
		case !ok:
			t.Errorf("%s (%q) has no Vietnamese in vi.js", k, english[k])
		case vi == english[k] || strings.TrimSpace(vi) == "":
			t.Errorf("%s: %q is not translated", k, vi)
		case !norm.NFC.IsNormalString(vi):
			t.Errorf("%s: %q is not NFC", k, vi)
		case !slices.Equal(placeholders(vi), placeholders(english[k])):
			t.Errorf("%s: %q has placeholders %v, the English %v", k, vi, placeholders(vi), placeholders(english[k]))
		}
	}
	for k := range added {
		if _, ok := english[k]; !ok {
			t.Errorf("vi.js adds %s, which Decap's Vietnamese has or Decap does not use", k)
		}
	}
}

func placeholders(s string) []string {
	p := regexp.MustCompile(`%\{\w+\}`).FindAllString(s, -1)
	slices.Sort(p)
	return p
}
