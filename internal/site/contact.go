package site

import (
	"github.com/loa-vn/loa/internal/content"
)

// Kinds of the pages through which readers reach the editors, which Loa
// makes: the question form, the page it leads to once sent, and the
// contact page.
const (
	KindAsk     content.Kind = "ask"
	KindAskSent content.Kind = "ask-sent"
	KindContact content.Kind = "contact"
)

// URLs of the question form, its thank-you page and the contact page.
const (
	AskURL     = "/gui-cau-hoi/"
	AskSentURL = "/gui-cau-hoi/da-gui/"
	ContactURL = "/lien-he/"
)

// builtinPages are the pages Loa makes for every site that has a Q&A
// section (the form and its thank-you page) or a way to be reached (the
// contact page). A content file at one of their URLs (content/lien-he.md)
// gives the page its title, summary and text; the layout stays Loa's.
var builtinPages = []struct {
	kind   content.Kind
	url    string
	title  string
	layout string
}{
	{KindAsk, AskURL, "Gửi câu hỏi", "ask"},
	{KindAskSent, AskSentURL, "Đã gửi câu hỏi", "ask-sent"},
	{KindContact, ContactURL, "Liên hệ", "contact"},
}

// addBuiltin adds the question form and its thank-you page when the site
// has Q&A items, and the contact page when the settings give an address,
// a phone number, an e-mail address or a Zalo number. gen makes a page
// that has no file.
func (s *Site) addBuiltin(gen func(kind content.Kind, url, title string) *Page) {
	contact := s.Address != "" || s.Phone != "" || s.Email != "" || s.Zalo != ""
	s.builtin = map[string]string{}
	for _, b := range builtinPages {
		if b.kind == KindContact && !contact || b.kind != KindContact && len(s.QA) == 0 {
			continue
		}
		p := s.byURL[b.url]
		if p == nil || p.File == nil || p.Kind != content.KindPage {
			p = gen(b.kind, b.url, b.title)
		}
		s.builtin[p.URL] = b.layout
		switch b.kind {
		case KindAsk:
			s.Ask = p
		case KindAskSent:
			s.AskSent = p
		case KindContact:
			s.Contact = p
		}
	}
	if s.AskSent != nil && s.AskSent.File == nil {
		s.AskSent.Section = s.Ask // for the breadcrumbs
	}
}

// ZaloURL returns the link that opens a chat with the Zalo account of
// the phone number digits ("0912345678").
func ZaloURL(digits string) string { return "https://zalo.me/" + digits }
