package content

import (
	"context"
	"testing"
	"testing/fstest"
)

// TestIdentityNotices checks the one notice that names the missing
// identity settings, at the line of the front matter's start.
func TestIdentityNotices(t *testing.T) {
	const all = "parent: P\nbody: B\ntownship: xã B\nowner: O\neditor: E\naddress: A\nphone: \"1\"\nemail: e@example.org\nprovince_portal: https://example.org/\n"
	tests := []struct {
		name, home string // home "" is a site without content/_index.md
		want       string
	}{
		{"all set", "---\ntitle: T\n" + all + "---\n", ""},
		{"licence and emblem are optional", "---\ntitle: T\n" + all + "licence: \"\"\n---\n", ""},
		{"two missing", "\n---\ntitle: T\nparent: P\nbody: B\ntownship: xã B\nowner: O\naddress: A\nemail: e@example.org\nprovince_portal: https://example.org/\n---\n",
			`content/_index.md:2: notice: editor, phone: not set, so the header and footer leave out what they would say; add them here, e.g. editor: "Đồng chí …, Phó Bí thư Thường trực Đảng ủy" (see the site settings in the README)`},
		{"no home file", "",
			`content/_index.md: notice: parent, body, township, owner, editor, address, phone, email, province_portal: not set, so the header and footer leave out what they would say; add them here, e.g. parent: "Đảng bộ tỉnh …" (see the site settings in the README)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var home *File
			if tt.home != "" {
				files, errs := Load(context.Background(), fstest.MapFS{"content/_index.md": {Data: []byte(tt.home)}})
				if errs.Err() != nil || len(files) != 1 {
					t.Fatalf("load: %v", errs)
				}
				home = files[0]
			}
			got := ""
			if notes := IdentityNotices(home); len(notes) > 0 {
				got = notes[0].Error()
				if len(notes) > 1 {
					t.Errorf("%d notices, want one", len(notes))
				}
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
