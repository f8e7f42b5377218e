package site

// How many items of a list the theme shows outside the list's own pages:
// the one place these cuts are made. The theme's layouts range over the
// preview lists they give (Site.LatestFeatured, Site.LatestNews,
// Site.LatestQA, Page.Preview), and the builder's route signatures hash
// those same lists, so a page is rendered again exactly when what it
// shows of a list changed.
const (
	FeaturedPreview = 3  // Site.LatestFeatured, on the home page
	NewsPreview     = 5  // Site.LatestNews, on the home page
	QAPreview       = 6  // Site.LatestQA, on the home page
	ItemsPreview    = 3  // Page.Preview of each list: topics and units on the home page, /chu-de/ and /tin-don-vi/
	DocsPreview     = 5  // Site.LatestDocuments, on the home page
	SidePreview     = 4  // Site.SideNews, SideQA and SideDocuments: the side column of every other page
	CitedPreview    = 10 // Page.CitedPreview of a document: the newest pages citing it
)

// preview fills the preview lists from the sorted lists.
func (s *Site) preview() {
	s.LatestFeatured = head(s.Featured, FeaturedPreview)
	s.LatestNews = head(s.News, NewsPreview)
	s.LatestQA = head(s.QA, QAPreview)
	s.LatestDocuments = head(s.Documents, DocsPreview)
	s.SideNews, s.SideQA, s.SideDocuments = head(s.News, SidePreview), head(s.QA, SidePreview), head(s.Documents, SidePreview)
	for _, p := range s.Pages {
		p.Preview = head(p.Items, ItemsPreview)
	}
	for _, t := range s.Tags {
		t.Page.Preview = head(t.Page.Items, ItemsPreview)
	}
}

// head returns the first n items of l, sharing l's array.
func head(l []*Page, n int) []*Page {
	return l[:min(n, len(l)):min(n, len(l))]
}
