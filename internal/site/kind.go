package site

import "github.com/loa-vn/loa/internal/content"

// kindNames are the Vietnamese names of the kinds of page, as readers see
// them on lists and in search results.
var kindNames = map[content.Kind]string{
	content.KindArticle: "Bài viết", content.KindQA: "Hỏi - đáp", content.KindNews: "Tin đơn vị",
	content.KindDocument: "Văn bản", content.KindPage: "Trang", content.KindTopic: "Chủ đề",
	content.KindUnit: "Đơn vị", KindTag: "Thẻ",
}

// KindName returns the Vietnamese name of kind k, such as "Bài viết" or
// "Hỏi - đáp", or "" for a kind readers are not shown the name of (home,
// sections, the search and 404 pages).
func KindName(k content.Kind) string { return kindNames[k] }
