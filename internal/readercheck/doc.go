// Package readercheck checks the built sample portal the way its readers
// meet it: in a real Chromium, on a 360×640 phone, zoomed to 200%, printed
// on A4, with a screen reader's needs in mind, and through Lighthouse. It
// holds only tests; they build the repository's content/ with its theme
// (layouts/ and static/), serve it on 127.0.0.1 as a web host would (gzip
// and the Content-Security-Policy of netlify.toml) and open every kind of
// page.
//
// # What the tests hold the theme to
//
//   - TestAxe: axe-core (WCAG 2 A and AA rules and its best practices:
//     landmarks, heading order, the skip link, alt text) finds no violation
//     on any kind of page (the home page, topics, an article, the Q&A index
//     and an item, units, news, documents, tags, the search page showing
//     results, the list of the pages citing a document and the 404 page),
//     at 1280 and at 360 px.
//   - TestKeyboard: the first Tab reaches the skip link, which moves the
//     focus to the main content; everything Tab reaches shows a focus ring.
//   - TestHeader: with JavaScript off, on every page kind, the header is
//     at most 120 px tall on a 360 px phone, its navigation is folded
//     behind a <details> button that opens it, and a link to the search
//     page shows beside it; at 1280 px the navigation bar and the search
//     box show instead.
//   - TestPhone: at 360×640 no page kind scrolls sideways (a table that
//     scrolls inside its own box is allowed, as WCAG 1.4.10 allows), every
//     visible link, button and input is at least 44×44 CSS px (a link inside
//     running text is exempt, as WCAG 2.5.5 and 2.5.8 allow), and at 200%
//     zoom (a layout 180 px wide) nothing overflows and no two text blocks
//     overlap or shrink to a few letters a line. Screenshots of each page
//     kind at 360 and 1280 px go to $LOA_SCREENSHOTS, or to a temporary
//     folder that the test log names.
//   - TestPrint: with print media at the A4 text width, navigation, search
//     and share controls are hidden, every link of the text prints its
//     address, the page prints its own address and its byline or a
//     document's metadata, and nothing is wider than the paper. Chromium
//     prints the article to an A4 PDF; pdftotext (poppler-utils) shows every
//     word inside the text area of its page and the page printed at 100%.
//   - TestSpeed: every page kind loads one stylesheet, the only
//     render-blocking request, and no parser-blocking script; images have a
//     size and nothing shifts; the article's HTML and CSS as sent weigh
//     under 30 KB gzipped. TestWeight checks that budget for every article,
//     Q&A item and news item; TestHeroImage checks that an article's image
//     keeps its place even when it never arrives.
//   - TestLighthouse: Lighthouse on its mobile setting scores Performance,
//     Accessibility, Best Practices and SEO at least 95 on the home page,
//     an article, a document and the Q&A index (skipped with -short).
//   - TestOpenGraph: every article, Q&A item, news item and document has an
//     Open Graph title, description, absolute image (served) and URL.
//     TestShareButton: the Web Share button shows only where navigator.share
//     exists, and shares the page's address.
//
// # Running
//
// The tests need Chromium (see internal/browsertest), poppler-utils for
// pdftotext, and the Node tools pinned in .ci/browser/package-lock.json
// (axe-core and Lighthouse 12.2.3), installed with:
//
//	npm ci --prefix .ci/browser
//	go test ./internal/readercheck
//
// Without them a test skips, saying what to install; with CI=true it
// fails. Set LOA_BROWSER_TOOLS to use another folder holding node_modules/,
// and LOA_SCREENSHOTS to keep the screenshots, the PDF and the Lighthouse
// reports in a folder of your own.
package readercheck
