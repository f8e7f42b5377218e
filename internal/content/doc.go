// Package content reads a site's content/ folder from an fs.FS into typed,
// checked files. It is the editor's manual: this comment lists every rule.
//
// # Folders and kinds
//
// The kind of a file follows from where it is:
//
//	content/_index.md                      home: site settings and the home page intro
//	content/<section>/_index.md            a section's list page (chu-de, hoi-dap, tin-don-vi, van-ban, or any other folder)
//	content/chu-de/<topic>/_index.md       a topic; the set of topics is whatever folders exist
//	content/chu-de/<topic>/<name>.md       an article of that topic
//	content/hoi-dap/<name>.md              a Q&A item: the question is the title, the answer the body
//	content/tin-don-vi/<unit>/_index.md    a publishing unit
//	content/tin-don-vi/<unit>/<name>.md    a news item of that unit
//	content/van-ban/<name>.md              a document (văn bản)
//	content/<anything else>.md             a plain page
//
// URLs mirror paths: content/a/b.md is /a/b/, content/a/_index.md is /a/.
// The last segment is the slug of the file name (vntext.Slug), or the
// front-matter key slug.
//
// # Front matter
//
// Every file starts with front matter in YAML (between "---" lines) or TOML
// (between "+++" lines). Keys are checked strictly: an unknown key, a value of
// the wrong type or a missing required key is an error naming the file, the
// line and the key.
//
// Keys of articles, Q&A items, news items, documents and plain pages:
//
//	title     text, required
//	date      2023-05-12 or 2023-05-12T08:00:00+07:00 (Vietnam time when no zone is given);
//	          required for articles, Q&A and news. A future date publishes the item
//	          only in a build on or after that date (or with -drafts).
//	summary   text, one or two sentences; the first paragraph is used when missing
//	tags      list of text, e.g. ["giám sát", "dân chủ cơ sở"]
//	author    text
//	image     path of an image under static/, e.g. images/hoi-nghi.jpg: the page's lead
//	          photo, its thumbnail in lists and its share card (a JPEG or PNG is
//	          resized, turned upright and stripped of its metadata; see package images)
//	alt       text describing the image; required with image
//	draft     true or false; drafts are built only with -drafts
//	featured  true or false; featured items lead the home page
//	weight    whole number; lower comes first where items are ordered by hand
//	aliases   list of old URLs (e.g. "/tin-cu/bai-1/") that redirect here: plain paths
//	          from the site root, without whitespace, control characters, any of
//	          * : ! ? # % \ " < > | or an empty, . or .. segment; not the address of
//	          another page, a static file or a file Loa makes (the build says which)
//	expires   date after which the item is no longer published
//	updated   date of the last substantial change, on or after date (shown to
//	          search engines as dateModified and to readers as "Cập nhật";
//	          when missing, the file's last Git commit if later than the
//	          date, else the date)
//	slug      the last URL segment instead of the file name's slug (a–z, 0–9, -)
//	unsafe    true to let raw HTML in the Markdown through (off by default)
//	example   true marks sample content, shown to readers as "Bài mẫu"
//
// Kind-specific keys:
//
//	article   topic (must name its own folder), unit (a unit slug: who wrote it)
//	qa        topic (a topic slug), asker (e.g. "Bạn T.L., khu phố 2")
//	news      topic (a topic slug), unit (must name its own folder)
//	document  number (số hiệu, e.g. 18-CT/TW), type (loại: Chỉ thị, Hướng dẫn…),
//	          issuer (cơ quan ban hành, required), issued (ngày ban hành, date),
//	          signer (người ký), effective (ngày hiệu lực, date), file (attachment under static/)
//	page      menu (true to list the page in the main navigation, ordered by weight)
//
// Topic, unit and section _index.md files take title, summary, weight, draft
// and aliases.
//
// # Site settings
//
// The home content/_index.md holds the site's settings:
//
//	title            the portal's name, required, e.g. "Trang thông tin tuyên truyền Chỉ thị 18-CT/TW":
//	                 the header's third line, the home page's <title> and heading
//	description      the home page's description, and the site's
//	shortname        a short site name of at most 30 characters, e.g. "Trang tin Chỉ thị 18", put
//	                 after page titles in place of the long title (left off past 60 characters),
//	                 and the installed app's name
//	baseurl          the site's address, used when neither -baseurl nor Netlify's URL is set; without
//	                 an absolute one no feed or sitemap is written, and loa build -strict fails
//	cms              false leaves out the web editor Loa puts at /quan-tri/ (see package cms)
//
// and its identity, as official portals state it (Decree 42/2022/NĐ-CP
// asks state portals for the footer's lines):
//
//	parent           the level above, e.g. "Đảng bộ tỉnh …": the header's first line
//	body             the body that publishes the site, e.g. "Đảng ủy xã …": the header's second line,
//	                 the footer, og:site_name and the publisher search engines are told
//	township         the place, e.g. "xã …", wherever the theme speaks of it
//	emblem           an image under static/, e.g. img/logo.png, shown beside the name; without it
//	                 the theme's neutral mark (never a state or Party emblem the site has no right to); PNG renderings
//	                 of it at 180, 192 and 512 px beside it (img/logo-180.png …) become the
//	                 apple-touch-icon and the web app manifest's icons
//	owner            cơ quan chủ quản (governing body): the footer
//	editor           người chịu trách nhiệm nội dung (person responsible for the content): the footer
//	address          the footer, the contact details search engines are told
//	phone            the same
//	email            the same
//	zalo             the phone number of a Zalo account readers may write to, e.g. "0912 345 678":
//	                 the contact and question pages offer it
//	licence          the licence number, where the site has one: the footer
//	province_portal  the address of the province's portal, linked in the footer beside
//	                 dangcongsan.vn and mattran.org.vn
//
// Each of parent, body, township, owner, editor, address, phone, email and
// province_portal that is missing is a notice naming the key (the build
// goes on, and the theme leaves that line out: readers never see a
// placeholder):
//
//	content/_index.md:1: notice: owner: missing, so the theme leaves out the footer's cơ quan chủ quản (governing body); add owner: "Đảng ủy xã …" to content/_index.md
//
// The key publisher of older versions is now body; it is an error that says so.
//
// # Pages Loa makes
//
// Besides the pages of files, Loa makes the list of tags (/the/), the
// search page (/tim-kiem/) and the 404 page; for the documents section,
// one page per document type (/van-ban/loai/chi-thi/) and per issuer
// (/van-ban/co-quan/quoc-hoi/), which filter the registry without
// JavaScript; for a site with Q&A items, the question form
// (/gui-cau-hoi/) and the page it leads to once sent
// (/gui-cau-hoi/da-gui/); and, when the home's settings give an address,
// phone, email or zalo, the contact page (/lien-he/). Every commune gets
// these with no work. A plain page at one of the last three URLs
// (content/lien-he.md, content/gui-cau-hoi.md) gives it its title,
// summary and text; the form and the contact details stay Loa's.
//
// The question form is sent to Netlify Forms: it is shown only in a build
// on Netlify (where $NETLIFY is "true"), whose deploys store what readers
// send (Forms in the site's Netlify settings, which can e-mail each
// question). Elsewhere the page offers the site's email and zalo only.
//
// # Text
//
// Files must be UTF-8 (a byte-order mark and CRLF line ends are accepted).
// Text is normalised to NFC; a file in UTF-16 (Notepad's "Unicode") or in a
// legacy Vietnamese encoding such as Windows-1258 or TCVN3 is an error that
// says how to convert it.
//
// # Ignored files
//
// Everywhere in a site (content/, layouts/, static/) these are skipped as if
// absent: dotfiles and dot-folders (.DS_Store, .git), the files Windows
// leaves in folders (Thumbs.db, ehthumbs.db, desktop.ini, in any case), and
// editor backup, swap and lock files (name~, .name.swp, #name#, ~$name,
// name.tmp).
//
// # What a site may read
//
// Loa reads only regular files inside the site folder. A symbolic link is
// followed when it leads to a regular file that is itself inside the site
// folder, by a relative path (static/img/logo.png → ../../shared/logo.png).
// Anything else under content/, layouts/ or static/ is an error naming the
// path, and is never opened or published:
//
//	static/img/env.txt: is a link to a place outside the site folder; copy the file into the site instead
//	static/docs: is a link to a folder; Loa follows links only to files; copy the folder into the site instead
//	content/x.md: is a named pipe (FIFO), not a regular file; remove it
//
// The same holds for a device, a socket, a link to one of those, a link to
// nothing and a link that leads back to itself. Check states the rule,
// Guard enforces it on a whole file system, and OpenSite opens a site
// folder through os.Root, so that no link leads out of it.
//
// # Limits
//
// So that one careless or hostile file cannot cost a build minutes or
// gigabytes, a file past one of these limits is an error naming the file,
// the line and the key where there is one:
//
//	MaxFileSize         4 MB per file; split a longer text into pages, or link a PDF
//	MaxFrontMatterSize  64 KB of front matter; long text belongs in the body
//	MaxNesting          10 levels of lists and tables in front matter, the keys
//	                    being the first (tags: [a, b] is 2); counted before decoding
//	MaxTagsPerPage      20 tags per page
//
// The site as a whole may have at most site.MaxTags different tags, and
// the search index takes at most search.MaxPageWords words and
// search.MaxPagePairs pairs of words from one page.
//
// # How front matter is read
//
// github.com/adrg/frontmatter finds the block between the delimiters and
// hands it to a decoder of each format (frontmatter.NewFormat). The
// decoders are this package's own, not the package's default yaml.v2 and
// TOML Unmarshal, for two reasons. An Unmarshal into a struct gives no
// line for a key, yet every diagnostic names the line of its key; so the
// YAML is read as a go.yaml.in/yaml/v3 Node tree and the TOML through its
// MetaData, and the lines are offset by the line of the opening
// delimiter. And the default decoders ignore unknown keys, which must be
// errors here. Those decoders also know only the block, not where it
// starts, so the line of the opening delimiter is found before parsing
// and passed in with the target.
package content
