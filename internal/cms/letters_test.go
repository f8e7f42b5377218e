package cms_test

import (
	"bytes"
	"html/template"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/loa-vn/loa/internal/cms"
)

// TestLetters checks the Vietnamese e-mails of Netlify Identity that the
// build writes under quan-tri/thu/: each is a GoTrue template (gotrue's
// mailer/template.go gives SiteURL, ConfirmationURL, Email, Token and
// Data) that links to the editor's page under the site's base with the
// hash identity.js answers, in Vietnamese and NFC; and the editor's page
// loads identity.js before Decap.
func TestLetters(t *testing.T) {
	letters := []struct{ file, hash string }{
		{"moi.html", "invite_token"},
		{"khoi-phuc.html", "recovery_token"},
		{"xac-nhan.html", "confirmation_token"},
	}
	given := []string{"SiteURL", "ConfirmationURL", "Email", "Token", "Data"}
	variable := regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)
	for _, base := range []string{"/", "/portal/"} {
		out, err := cms.Files(cms.Config{Base: base}, cms.Vendor())
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for name := range out {
			if strings.HasPrefix(name, cms.Dir+"/"+cms.LetterDir+"/") {
				names = append(names, name)
			}
		}
		if len(names) != len(letters) {
			t.Errorf("base %s: the letters are %v, want %d", base, names, len(letters))
		}
		for _, l := range letters {
			name := cms.Dir + "/" + cms.LetterDir + "/" + l.file
			data, ok := out[name]
			if !ok {
				t.Errorf("base %s: no %s", base, name)
				continue
			}
			for _, m := range variable.FindAllStringSubmatch(string(data), -1) {
				if !slices.Contains(given, m[1]) {
					t.Errorf("%s uses {{ .%s }}, which GoTrue does not give", name, m[1])
				}
			}
			if !bytes.HasPrefix(data, []byte("<!doctype html>\n<html lang=\"vi\">")) || !bytes.Contains(data, []byte("<title>")) {
				t.Errorf("%s is not a whole HTML document in Vietnamese (doctype, lang, title)", name)
			}
			if !norm.NFC.IsNormal(data) {
				t.Errorf("%s is not NFC", name)
			}
			tmpl, err := template.New(name).Parse(string(data))
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			var b bytes.Buffer
			err = tmpl.Execute(&b, map[string]any{"SiteURL": "https://xa.example.org", "Email": "can-bo@example.org", "Token": "T0k3n", "ConfirmationURL": "https://xa.example.org/#" + l.hash + "=T0k3n"})
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			mail := b.String()
			link := `href="https://xa.example.org` + base + `quan-tri/#` + l.hash + `=T0k3n"`
			if strings.Count(mail, "href=") != 1 || !strings.Contains(mail, link) {
				t.Errorf("%s does not link only to %s:\n%s", name, link, mail)
			}
			if !strings.Contains(mail, "can-bo@example.org") || !strings.Contains(mail, "Đường dẫn dùng được một lần") {
				t.Errorf("%s does not name the address and say the link is for one use:\n%s", name, mail)
			}
		}
		page := string(out[cms.Dir+"/index.html"])
		own, decap := strings.Index(page, base+"quan-tri/loa-tai-khoan.js"), strings.Index(page, base+"quan-tri/decap-cms.js")
		if own < 0 || decap < 0 || own > decap {
			t.Errorf("base %s: the editor's page does not load loa-tai-khoan.js before decap-cms.js:\n%s", base, page)
		}
	}
}
