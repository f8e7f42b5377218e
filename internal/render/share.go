package render

import (
	"html/template"
	"net/url"
	"strings"
)

// ShareFacebook returns the link that opens Facebook's share dialog for
// the absolute URL abs. It is a plain link: no Facebook script is loaded.
func ShareFacebook(abs string) string {
	return "https://www.facebook.com/sharer/sharer.php?u=" + url.QueryEscape(abs)
}

// ShareZalo returns the link that opens Zalo's share page for the
// absolute URL abs: sp.zalo.me/share_inline, the page Zalo's own share
// button opens, where the reader picks friends or groups after signing
// in. Zalo documents only its button: that button
// needs its script (sp.zalo.me/plugins/sdk.js) and an Official Account
// id; this link needs neither, so pages load no Zalo script and the
// Content-Security-Policy stays as strict (a link leaving the site is
// not a request the policy governs). Zalo reads the page's Open Graph
// tags for the card, as Facebook does.
func ShareZalo(abs string) string {
	return "https://sp.zalo.me/share_inline?url=" + url.QueryEscape(abs)
}

// telURL returns a tel: link for a phone number as written in the
// settings ("0251 3822 123", "+84 251 3822 123"), or "" when it does not
// hold 8 to 15 digits. The link holds only digits and a leading "+", so
// it is safe as a URL (html/template would refuse the tel: scheme).
func telURL(phone string) template.URL {
	var b strings.Builder
	for i, r := range strings.TrimSpace(phone) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteRune(r)
		case r == ' ' || r == '.' || r == '-' || r == '(' || r == ')':
		default:
			return ""
		}
	}
	n := len(strings.TrimPrefix(b.String(), "+"))
	if n < 8 || n > 15 {
		return ""
	}
	return template.URL("tel:" + b.String())
}

// mailtoURL returns a mailto: link to the address email with the subject
// subject, or "" when email is not an address (a placeholder such as
// "(cập nhật địa chỉ email)").
func mailtoURL(email, subject string) string {
	email = strings.TrimSpace(email)
	at := strings.IndexByte(email, '@')
	if at < 1 || at == len(email)-1 || strings.ContainsAny(email, " \t\"<>()[],;:\\") {
		return ""
	}
	u := "mailto:" + email
	if subject != "" {
		u += "?subject=" + url.PathEscape(subject)
	}
	return u
}
