package synth

import (
	"fmt"
	"strings"
)

// These lists are Loa's own: gencorpus.py writes no documents.

// docTypes are document types (loại văn bản) and their number codes.
var docTypes = []pair{
	{"NQ", "Nghị quyết"}, {"CT", "Chỉ thị"}, {"KH", "Kế hoạch"}, {"HD", "Hướng dẫn"},
	{"QĐ", "Quyết định"}, {"TB", "Thông báo"}, {"BC", "Báo cáo"},
}

// issuers are issuing bodies (cơ quan ban hành) and their number codes.
var issuers = []pair{
	{"ĐU", "Đảng ủy xã"}, {"HU", "Ban Thường vụ Huyện ủy"}, {"MTTQ", "Ban Thường trực Ủy ban Mặt trận Tổ quốc xã"},
	{"ĐTN", "Ban Chấp hành Đoàn xã"}, {"HPN", "Hội Liên hiệp Phụ nữ xã"},
}

var signers = []string{
	"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung",
	"Hoàng Văn Hải", "Võ Thị Hạnh", "Đặng Văn Khoa", "Bùi Thị Lan",
}

// documents writes content/van-ban/_index.md and n documents numbered
// 1-NQ/ĐU, 2-…, each citing the one before by number, so that Loa links
// the citation to that document's page.
func (g *generator) documents(n int) {
	if n == 0 {
		return
	}
	g.index("content/van-ban/_index.md", "Văn bản")
	var prev string
	for i := range n {
		if g.err != nil {
			return
		}
		typ, iss := pick(g.r, docTypes), pick(g.r, issuers)
		number := fmt.Sprintf("%d-%s/%s", i+1, typ.slug, iss.slug)
		obj := pick(g.r, objects)
		title := typ.title + " số " + number + " của " + iss.title + " về " + obj
		issued := g.date()
		signer := pick(g.r, signers)
		tags := sample(g.r, tags, g.r.intn(2, 4))
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\nnumber: %s\ntype: %s\nissuer: %s\nissued: %s\ndate: %s\nsigner: %s\n",
			yq(title), yq(number), yq(typ.title), yq(iss.title), issued[:10], issued, yq(signer))
		b.WriteString("tags: [" + strings.Join(quoteAll(tags), ", ") + "]\n")
		b.WriteString("summary: " + yq(capitalize(obj)+".") + "\n---\n\n")
		if prev != "" {
			b.WriteString("Căn cứ văn bản số " + prev + ", " + iss.title + " ban hành " + strings.ToLower(typ.title) + " về " + obj + ".\n\n")
		}
		data, _ := g.body([]byte(b.String()), g.r.intn(400, 800), false)
		g.st.Documents++
		g.write("content/van-ban/"+fold(typ.title+" số "+number)+".md", data)
		prev = number
	}
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = yq(x)
	}
	return out
}
