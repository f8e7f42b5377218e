package render

import "testing"

func TestAnswerHTML(t *testing.T) {
	in := "<p>Xem <a href=\"/van-ban/x/\">18-CT/TW</a> &amp; khác.</p>\n<h2 id=\"b\">Bước</h2>\n<ul>\n<li>Một<br></li>\n</ul>\n<table><tr><td>ô</td></tr></table>"
	want := "<p>Xem 18-CT/TW &amp; khác.</p>\n<h2>Bước</h2>\n<ul>\n<li>Một<br></li>\n</ul>\nô"
	if got := answerHTML(in); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
