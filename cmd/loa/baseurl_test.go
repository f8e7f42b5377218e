package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildWithoutBaseURL checks the one line loa build prints when the
// site has no absolute address, the error -strict makes of it (nothing
// written), and silence when -baseurl, $URL or the site gives one.
func TestBuildWithoutBaseURL(t *testing.T) {
	const notice = "content/_index.md: notice: baseurl: no absolute site address, so feeds (index.xml) and sitemap.xml are not written, and pages have no canonical, og:url or og:image and no Facebook, Zalo or copy-link share buttons; add baseurl: https://example.org/ here, pass -baseurl https://example.org/, or set $URL (Netlify sets it)\n"
	const strict = "content/_index.md: baseurl: no absolute site address, which -strict requires: feeds, sitemap.xml, canonical and og: URLs and share links need one; add baseurl: https://example.org/ here, pass -baseurl https://example.org/, or set $URL (Netlify sets it)\n" +
		"loa: 1 error; nothing was written\n"
	withBase := map[string]string{}
	for name, text := range goodSite {
		withBase[name] = text
	}
	withBase["content/_index.md"] = "---\ntitle: Trang thử\n" + identity + "baseurl: https://example.org/\n---\nXin chào.\n"
	tests := []struct {
		name   string
		site   map[string]string
		env    string
		args   []string
		code   int
		stderr string
		feeds  bool // index.xml and sitemap.xml are written
	}{
		{"none", goodSite, "", nil, 0, notice, false},
		{"path only", goodSite, "", []string{"-baseurl", "/portal/"}, 0, notice, false},
		{"strict", goodSite, "", []string{"-strict"}, 1, strict, false},
		{"strict with -baseurl", goodSite, "", []string{"-strict", "-baseurl", "https://example.org/"}, 0, "", true},
		{"strict with $URL", goodSite, "https://example.netlify.app", []string{"-strict"}, 0, "", true},
		{"strict with baseurl in the site", withBase, "", []string{"-strict"}, 0, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("URL", tt.env)
			dir := writeSite(t, tt.site)
			out := filepath.Join(dir, "public")
			code, _, stderr := runLoa(t, append([]string{"build", "-source", dir, "-out", out}, tt.args...)...)
			if code != tt.code || stderr != tt.stderr {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and:\n%s", code, stderr, tt.code, tt.stderr)
			}
			for _, name := range []string{"index.xml", "sitemap.xml"} {
				if _, err := os.Stat(filepath.Join(out, name)); (err == nil) != tt.feeds {
					t.Errorf("%s written: %v, want %v", name, err == nil, tt.feeds)
				}
			}
			if _, err := os.Stat(filepath.Join(out, "index.html")); (err == nil) != (tt.code == 0) {
				t.Errorf("index.html written: %v after exit %d", err == nil, code)
			}
		})
	}
}

// TestIdentityNotice checks that a site missing required identity
// settings builds, and that loa build says once which keys are missing.
func TestIdentityNotice(t *testing.T) {
	site := map[string]string{}
	for name, text := range goodSite {
		site[name] = text
	}
	home := strings.Replace(goodSite["content/_index.md"], "owner: Đảng ủy xã B\n", "", 1)
	site["content/_index.md"] = strings.Replace(home, "phone: \"0200 000 000\"\n", "", 1)
	dir := writeSite(t, site)
	code, _, stderr := runLoa(t, "build", "-source", dir, "-out", filepath.Join(dir, "public"), "-baseurl", "https://example.org/")
	want := "content/_index.md:1: notice: owner, phone: not set, so the header and footer leave out what they would say; add them here, e.g. owner: \"Đảng ủy xã …\" (see the site settings in the README)\n"
	if code != 0 || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 0 and:\n%s", code, stderr, want)
	}
}
