package main

import (
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/vntext"
)

// siteFiles are the files of a new site, by slash path: a home page whose
// identity settings are left for the editor to fill in (the build lists
// them in a notice until then), one topic with an article, a Q&A item, a
// unit, and a .gitignore for what loa writes. DATE stands for today.
var siteFiles = map[string]string{
	".gitignore": "/public/\n/.public.loa-*\n/public.loa-old-*\n/.loa-cache/\n",
	"content/_index.md": `---
title: "Trang thông tin của Đảng ủy xã …"
description: "Trang thông tin của Đảng ủy xã … (viết một câu giới thiệu trang)."
shortname: "Trang tin xã …"
# Thông tin về cơ quan chủ quản: bỏ dấu # ở đầu dòng và điền vào chỗ "…".
# Khi còn thiếu, loa build nhắc tên các khóa chưa điền.
# parent: "Đảng bộ tỉnh …"
# body: "Đảng ủy xã …"
# township: "xã …"
# owner: "Đảng ủy xã …"
# editor: "Đồng chí …, Phó Bí thư Thường trực Đảng ủy"
# address: "Số …, thôn …, xã …, tỉnh …"
# phone: "0… … …"
# email: "dangUy@….vn"
# province_portal: https://….dcs.vn/
---

Chào mừng bạn đến với trang thông tin của Đảng ủy xã … . Hãy viết lời giới thiệu trang ở đây.
`,
	"content/chu-de/_index.md": `---
title: "Chủ đề"
summary: "Các bài viết của trang, xếp theo chủ đề."
weight: 1
---
`,
	"content/chu-de/gioi-thieu/_index.md": `---
title: "Giới thiệu chung"
summary: "Chủ đề đầu tiên của trang. Hãy đổi tên thư mục và tiêu đề cho đúng với nội dung."
weight: 1
---

Viết lời giới thiệu chủ đề ở đây.
`,
	"content/chu-de/gioi-thieu/bai-viet-dau-tien.md": `---
title: "Bài viết đầu tiên"
date: DATE
summary: "Một câu tóm tắt bài viết, hiện trong danh sách bài và khi chia sẻ."
tags: ["giới thiệu"]
---

Viết nội dung bài ở đây. Mỗi đoạn văn cách nhau một dòng trống.

## Một tiêu đề nhỏ

Dùng **chữ đậm** cho ý chính và [liên kết](/hoi-dap/) tới các trang khác.
`,
	"content/hoi-dap/_index.md": `---
title: "Hỏi - đáp"
summary: "Giải đáp những câu hỏi thường gặp."
weight: 2
---
`,
	"content/hoi-dap/trang-nay-dung-de-lam-gi.md": `---
title: "Trang này dùng để làm gì?"
date: DATE
summary: "Trang đăng tin, bài và giải đáp thắc mắc của người dân."
topic: gioi-thieu
---

Viết câu trả lời ở đây.
`,
	"content/tin-don-vi/_index.md": `---
title: "Tin đơn vị"
summary: "Tin về hoạt động của các đơn vị trong xã."
weight: 3
---
`,
	"content/tin-don-vi/dang-uy/_index.md": `---
title: "Đảng ủy xã"
summary: "Tin về hoạt động của Đảng ủy xã."
---
`,
}

// newSite writes a new site into dir, which must be empty or not exist,
// and says what to do next.
func newSite(dir string, stdout, stderr io.Writer) int {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		i18n.Fprintf(stderr, "loa new: %s is not empty; give a new or empty folder, e.g. loa new site trang-moi\n", dir)
		return exitContent
	}
	today := now().In(vntext.Zone).Format("2006-01-02")
	for _, name := range slices.Sorted(maps.Keys(siteFiles)) {
		text := strings.ReplaceAll(siteFiles[name], "DATE", today)
		if code := createNew(filepath.Join(dir, filepath.FromSlash(name)), text, stderr); code != exitOK {
			return code
		}
	}
	i18n.Fprintf(stdout, "created a new site in %s; to see it, run:\n  loa serve -source %s\n", dir, dir)
	return exitOK
}
