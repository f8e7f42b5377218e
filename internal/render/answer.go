package render

import (
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// answerTags are the tags Google reads in the text of a FAQ answer; the
// rest are dropped, keeping their text.
var answerTags = map[string]bool{
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "br": true,
	"ol": true, "ul": true, "li": true, "p": true, "div": true, "b": true, "strong": true, "i": true, "em": true,
}

// answerHTML keeps of an answer's HTML its text and the tags of
// answerTags without their attributes: the structure of lists and
// headings, without links, which would point nowhere outside the page.
func answerHTML(src string) string {
	var b strings.Builder
	l := html.NewLexer(parse.NewInputString(src))
	keep := false // the open tag is kept: write its closing >
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return strings.TrimSpace(b.String())
		case html.TextToken:
			b.Write(data)
		case html.StartTagToken, html.EndTagToken:
			name := strings.ToLower(string(l.Text()))
			keep = answerTags[name]
			if keep {
				if tt == html.EndTagToken {
					b.WriteString("</" + name + ">")
					keep = false
				} else {
					b.WriteString("<" + name)
				}
			}
		case html.StartTagCloseToken, html.StartTagVoidToken:
			if keep {
				b.WriteString(">")
			}
			keep = false
		}
	}
}
