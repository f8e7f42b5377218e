package content

import (
	"slices"
	"testing"
)

// TestFieldsForTyped: every key has a type, so the web editor never
// meets a key it cannot show.
func TestFieldsForTyped(t *testing.T) {
	for _, k := range allKinds() {
		keys := keysFor(k)
		got := FieldsFor(k)
		if len(got) != len(keys) {
			t.Errorf("%s: %d fields for %d keys", k, len(got), len(keys))
		}
		for _, f := range got {
			if f.Type == "" {
				t.Errorf("%s: key %s has no type", k, f.Key)
			}
			if f.Required != slices.Contains(required(k), f.Key) {
				t.Errorf("%s: %s required = %v", k, f.Key, f.Required)
			}
		}
	}
}

func TestCMSSetting(t *testing.T) {
	tests := []struct {
		in    string
		noCMS bool
		err   string
	}{
		{"", false, ""},
		{"cms: true\n", false, ""},
		{"cms: false\n", true, ""},
		{"cms:\n", false, ""},
		{"cms: no\n", false, `content/_index.md:3: cms: "no" is not true or false; write cms: true or cms: false`},
	}
	for _, tt := range tests {
		f, errs := Parse("content/_index.md", []byte("---\ntitle: A\n"+tt.in+"---\n"))
		if tt.err != "" {
			if errs.Err() == nil || errs.Err().Error() != tt.err {
				t.Errorf("%q: err %v, want %s", tt.in, errs.Err(), tt.err)
			}
			continue
		}
		if errs.Err() != nil {
			t.Errorf("%q: %v", tt.in, errs.Err())
			continue
		}
		if f.Meta.NoCMS != tt.noCMS {
			t.Errorf("%q: NoCMS = %v, want %v", tt.in, f.Meta.NoCMS, tt.noCMS)
		}
	}
	if _, errs := Parse("content/gioi-thieu.md", []byte("---\ntitle: A\ncms: false\n---\n")); errs.Err() == nil {
		t.Error("cms accepted on a page; it is a site setting")
	}
}
