package content

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"hash/maphash"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/vntext"
	"go.yaml.in/yaml/v3"
)

// Limits on one content file, so that a careless or hostile file cannot
// cost a build minutes or gigabytes. Each is far above what real portal
// text needs: the sample portal's largest file is 6 KB with 11 keys of
// front matter and 3 tags, the benchmark corpus's pages are under 10 KB
// with 2–4 tags.
const (
	// MaxFileSize is the largest content file Loa reads: 4 MiB. The
	// longest real texts, a law or a congress report with its annexes,
	// are 1–2 MB of Markdown.
	MaxFileSize = 4 << 20
	// MaxFrontMatterSize is the largest front matter: 64 KiB. Real front
	// matter is a dozen short keys, under 2 KB; long text belongs in the
	// body.
	MaxFrontMatterSize = 64 << 10
	// MaxNesting is the deepest nesting of lists and tables in front
	// matter, counting the keys as one level: 10. Keys take text or a list
	// of text (2 levels); a deeper mistake still gets a message that names
	// the key, while a nesting of thousands is refused before the YAML or
	// TOML decoder, which would spend the stack or minutes on it.
	MaxNesting = 10
	// MaxTagsPerPage is the most tags one page may have: 20. A tag groups
	// pages on a subject; pages have 2–5.
	MaxTagsPerPage = 20
)

// Parse checks and parses one content file. name is its slash path from the
// site root ("content/hoi-dap/a.md"). It returns nil and the problems when the
// file cannot be used. Parse is safe for concurrent use.
func Parse(name string, data []byte) (*File, diag.List) {
	var errs diag.List
	at := func(line int) diag.Pos { return diag.Pos{File: name, Line: line} }

	kind, section, group, err := classify(name)
	if err != nil {
		errs.Add(at(0), "", err.Error(), "")
		return nil, errs
	}
	text, msg, hint, line := decodeText(data)
	if msg != "" {
		errs.Add(at(line), "", msg, hint)
		return nil, errs
	}

	f := &File{Path: name, Kind: kind, Section: section, Group: group, Sum: maphash.String(seed, text)}
	values, body, start, bodyLine, fmErrs := splitFrontMatter(name, text)
	if fmErrs != nil {
		return nil, fmErrs
	}
	f.MetaSum = maphash.String(seed, text[:len(text)-len(body)])
	f.Meta.Start = start
	f.Meta.Lines = make(map[string]int, len(values))
	f.Body, f.BodyLine = body, bodyLine
	errs.Append(setFields(f, values))
	errs.Append(checkMeta(f))
	f.URL = fileURL(name, kind, f.Meta.Slug)
	if f.URL == "" {
		errs.Add(at(0), "", i18n.Sprintf("the file name has no letter or digit to make a URL from"), i18n.Sprintf("rename the file, e.g. bai-viet.md, or add slug: bai-viet"))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return f, nil
}

// setFields decodes each front-matter value into f.Meta, reporting
// unknown and repeated keys and wrong values.
func setFields(f *File, values []value) diag.List {
	var errs diag.List
	for _, v := range values {
		at := diag.Pos{File: f.Path, Line: v.line}
		fd, ok := fields[v.key]
		switch {
		case !ok && renamedKeys[v.key].kind == f.Kind:
			r := renamedKeys[v.key]
			errs.Add(at, v.key, i18n.Sprintf("was renamed %s", r.to), r.hint())
		case !ok || !fd.accepts(f.Kind):
			errs.Add(at, v.key, i18n.Sprintf("unknown key for %s", kindName(f.Kind)), suggestKey(v.key, f.Kind))
		case f.Meta.Lines[v.key] != 0:
			errs.Add(at, v.key, i18n.Sprintf("key given twice (first on line %d)", f.Meta.Lines[v.key]), i18n.Sprintf("keep one"))
		default:
			f.Meta.Lines[v.key] = v.line
			if msg, hint := fd.set(&f.Meta, v); msg != "" {
				errs.Add(at, v.key, msg, hint)
			}
		}
	}
	return errs
}

// checkMeta checks what the keys say together: required keys, an image's
// alt text, and a topic or unit that matches the file's folder. It gives a
// document without a date its date of issue.
func checkMeta(f *File) diag.List {
	var errs diag.List
	at := func(line int) diag.Pos { return diag.Pos{File: f.Path, Line: line} }
	for _, key := range required(f.Kind) {
		if _, ok := f.Meta.Lines[key]; !ok {
			errs.Add(at(f.Meta.Start), key, i18n.Sprintf("missing"), i18n.Sprintf("add a line %s: %s to the front matter", key, example(key)))
		} else if key == "title" && f.Meta.Title == "" {
			errs.Add(at(f.Meta.Line(key)), key, i18n.Sprintf("is empty"), i18n.Sprintf("write the title"))
		}
	}
	if f.Meta.Image != "" && f.Meta.Alt == "" {
		errs.Add(at(f.Meta.Line("image")), "alt", i18n.Sprintf("missing for the image"), i18n.Sprintf("add alt: a short description of what the image shows, for readers who cannot see it"))
	}
	if f.Kind == KindDocument && f.Meta.Date.IsZero() {
		f.Meta.Date = f.Meta.Issued
	}
	if u := f.Meta.Updated; !u.IsZero() && u.Before(f.Meta.Date) {
		errs.Add(at(f.Meta.Line("updated")), "updated", i18n.Sprintf("%s is before the date %s", u.Format("2006-01-02"), f.Meta.Date.Format("2006-01-02")), i18n.Sprintf("write a date on or after the date, or remove updated"))
	}
	if n := utf8.RuneCountInString(f.Meta.ShortName); n > maxShortName {
		errs.Add(at(f.Meta.Line("shortname")), "shortname", i18n.Sprintf("is %d characters long", n), i18n.Sprintf("write at most %d, e.g. shortname: \"Trang tin Chỉ thị 18\"", maxShortName))
	}
	if (f.Kind == KindArticle && f.Meta.Topic != "" && f.Meta.Topic != f.Group) ||
		(f.Kind == KindNews && f.Meta.Unit != "" && f.Meta.Unit != f.Group) {
		key := map[Kind]string{KindArticle: "topic", KindNews: "unit"}[f.Kind]
		errs.Add(at(f.Meta.Line(key)), key, i18n.Sprintf("%q differs from the folder %q the file is in", f.Meta.Topic+f.Meta.Unit, f.Group), i18n.Sprintf("remove the key or move the file"))
	}
	return errs
}

// maxShortName is the longest shortname, so that titles stay short.
const maxShortName = 30

func kindName(k Kind) string {
	switch k {
	case KindHome:
		return i18n.Sprintf("the home page")
	case KindSection:
		return i18n.Sprintf("a section")
	case KindTopic:
		return i18n.Sprintf("a topic")
	case KindArticle:
		return i18n.Sprintf("an article")
	case KindQA:
		return i18n.Sprintf("a Q&A item")
	case KindUnit:
		return i18n.Sprintf("a unit")
	case KindNews:
		return i18n.Sprintf("a news item")
	case KindDocument:
		return i18n.Sprintf("a document")
	}
	return i18n.Sprintf("a page")
}

// suggestKey names the closest known key, or lists the keys of the kind.
func suggestKey(key string, kind Kind) string {
	keys := keysFor(kind)
	for _, k := range keys {
		if editDistance(strings.ToLower(key), k) <= 2 {
			return i18n.Sprintf("did you mean %s?", k)
		}
	}
	return i18n.Sprintf("keys here are: %s", strings.Join(keys, ", "))
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func example(key string) string {
	switch key {
	case "date":
		return "2023-05-12"
	case "issuer":
		return "\"Ban Bí thư Trung ương Đảng\""
	}
	return "\"…\""
}

// classify finds the kind of a file from its path under content/.
func classify(name string) (kind Kind, section, group string, err error) {
	rel := strings.TrimPrefix(name, "content/")
	dirs := strings.Split(path.Dir(rel), "/")
	if dirs[0] == "." {
		dirs = nil
	}
	index := path.Base(rel) == "_index.md"
	if len(dirs) > 0 {
		section = dirs[0]
	}
	fail := func(err error) (Kind, string, string, error) { return "", "", "", err }
	switch {
	case len(dirs) == 0 && index:
		return KindHome, "", "", nil
	case len(dirs) == 1 && index:
		return KindSection, section, "", nil
	case section == SectionTopics || section == SectionUnits:
		child, parent := KindArticle, KindTopic
		if section == SectionUnits {
			child, parent = KindNews, KindUnit
		}
		switch {
		case len(dirs) == 1:
			if section == SectionUnits {
				return fail(i18n.Errorf("news files belong in a folder of their own unit under %s/", section))
			}
			return fail(i18n.Errorf("article files belong in a folder of their own topic under %s/", section))
		case len(dirs) > 2:
			return fail(i18n.Errorf("folders nest too deep: put the file directly in %s/%s/", section, dirs[1]))
		case index:
			return parent, section, dirs[1], nil
		}
		return child, section, dirs[1], nil
	case section == SectionQA || section == SectionDocuments:
		if len(dirs) > 1 {
			return fail(i18n.Errorf("put the file directly in %s/, without sub-folders", section))
		}
		if section == SectionQA {
			return KindQA, section, "", nil
		}
		return KindDocument, section, "", nil
	case index:
		return KindSection, section, "", nil
	}
	return KindPage, section, "", nil
}

// fileURL returns the site-relative URL of a content file.
func fileURL(name string, kind Kind, slug string) string {
	rel := strings.TrimSuffix(strings.TrimPrefix(name, "content/"), ".md")
	dir, base := path.Split(rel)
	var segs []string
	for _, d := range strings.Split(strings.Trim(dir, "/"), "/") {
		if d != "" {
			segs = append(segs, vntext.Slug(d))
		}
	}
	if base != "_index" {
		if slug == "" {
			slug = vntext.Slug(base)
		}
		if slug == "" {
			return ""
		}
		segs = append(segs, slug)
	}
	if len(segs) == 0 {
		return "/"
	}
	return "/" + strings.Join(segs, "/") + "/"
}

// tooLarge says why a content file of size bytes is refused, and what to
// do.
func tooLarge(size int64) (msg, hint string) {
	return i18n.Sprintf("file is %s, more than the limit of %s", sizeText(size), sizeText(MaxFileSize)),
		i18n.Sprintf("split it into several pages, or put the full text in a PDF under static/ and link it")
}

// sizeText writes a size in MB, or in KB below 1 MB, rounded up: "4.5 MB",
// "70 KB".
func sizeText(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1<<10-1)>>10)
	}
	tenths := (n*10 + 1<<20 - 1) >> 20 // rounded up, so that a size over a limit never reads as the limit
	return strings.TrimSuffix(fmt.Sprintf("%d.%d", tenths/10, tenths%10), ".0") + " MB"
}

// decodeText checks that data is usable text and returns it as NFC with LF
// line ends and no byte-order mark. On failure it says why, what to do and
// on which line.
func decodeText(data []byte) (text, msg, hint string, line int) {
	if len(data) > MaxFileSize {
		msg, hint := tooLarge(int64(len(data)))
		return "", msg, hint, 0
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if order := utf16Order(data); order != "" {
		msg, hint := utf16Error(order)
		return "", msg, hint, 0
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", i18n.Sprintf("file is empty"), i18n.Sprintf("write front matter and text, or delete the file"), 0
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", i18n.Sprintf("is a binary file, not Markdown text"), i18n.Sprintf("put images and attachments in static/ and link them from a .md file"), bytes.Count(data[:i], []byte("\n")) + 1
	}
	if !utf8.Valid(data) {
		i := firstInvalid(data)
		return "", i18n.Sprintf("is not UTF-8 text; it is probably in a legacy Vietnamese encoding (Windows-1258, TCVN3/ABC or VNI)"),
			i18n.Sprintf("save it as UTF-8 in your editor, or convert it, e.g. iconv -f CP1258 -t UTF-8 (Unikey's converter handles TCVN3 and VNI)"),
			bytes.Count(data[:i], []byte("\n")) + 1
	}
	s := string(data)
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return vntext.NFC(s), "", "", 0
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// frontMatter is the target of the front-matter formats: adrg/frontmatter
// finds the block and hands it to the format's decoder (decodeYAML or
// decodeTOML), which fills in the keys with their lines in the file.
type frontMatter struct {
	name   string // the file's path, for diagnostics
	start  int    // the line of the opening delimiter
	found  bool   // the block was closed and decoded
	values []value
	errs   diag.List
}

// decodeAs returns the adrg/frontmatter decoder of a format delimited by
// delim: it checks MaxFrontMatterSize, then calls decode. It reports
// problems in the target rather than as an error, so they keep their lines.
func decodeAs(delim string, decode func(name string, raw []byte, start int) ([]value, diag.List)) frontmatter.UnmarshalFunc {
	return func(raw []byte, v any) error {
		fm := v.(*frontMatter)
		fm.found = true
		if len(raw) > MaxFrontMatterSize {
			fm.errs.Add(diag.Pos{File: fm.name, Line: fm.start}, "", i18n.Sprintf("front matter is %s, more than the limit of %s", sizeText(int64(len(raw))), sizeText(MaxFrontMatterSize)),
				i18n.Sprintf("keep the keys short and move long text into the body, after the closing %s", delim))
			return nil
		}
		fm.values, fm.errs = decode(fm.name, raw, fm.start)
		return nil
	}
}

var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", decodeAs("---", decodeYAML)),
	frontmatter.NewFormat("+++", "+++", decodeAs("+++", decodeTOML)),
}

// splitFrontMatter separates and decodes the front matter. start is the
// line of the opening delimiter; bodyLine the line where the body starts.
func splitFrontMatter(name, text string) (values []value, body []byte, start, bodyLine int, errs diag.List) {
	lead := len(text) - len(strings.TrimLeft(text, " \t\n"))
	start = strings.Count(text[:lead], "\n") + 1
	first, _, _ := strings.Cut(text[lead:], "\n")
	first = strings.TrimSpace(first)
	at := diag.Pos{File: name, Line: start}
	if first != "---" && first != "+++" {
		errs.Add(at, "", i18n.Sprintf("no front matter"), i18n.Sprintf("start the file with a line ---, then title: \"…\" and the other keys, then a line ---"))
		return
	}
	fm := frontMatter{name: name, start: start}
	rest, err := frontmatter.Parse(strings.NewReader(text), &fm, formats...)
	if err != nil {
		errs.Add(at, "", i18n.Sprintf("cannot read front matter: %v", err), "")
		return
	}
	if !fm.found {
		errs.Add(at, "", i18n.Sprintf("front matter is not closed"), i18n.Sprintf("add a line %s after the last key", first))
		return
	}
	bodyLine = strings.Count(text[:len(text)-len(rest)], "\n") + 1
	return fm.values, rest, start, bodyLine, fm.errs
}

// Hints for a nesting past MaxNesting.
const (
	nestingHint     = `tags: ["giám sát", "dân chủ"]`
	nestingHintTOML = `tags = ["giám sát", "dân chủ"]`
)

var yamlLine = regexp.MustCompile(`^yaml: (line \d+: )?`)

// locateYAMLError returns the 1-based line of raw YAML at which err, the
// decoder's error for raw, lies: the first line whose addition makes the
// text before it fail to parse. yaml.v3's own line numbers are off (parser
// errors count from 0, flow collections report where they began) but
// near, so the lines around them are tried first, with a few parses; then
// the lines from the start, until the parses add up to 4 times the text
// plus 256 KiB. The work stays linear in the length of the text.
func locateYAMLError(raw []byte, err error) int {
	var ends []int // ends[k-1] is the offset after line k
	for i, b := range raw {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] < len(raw) {
		ends = append(ends, len(raw))
	}
	fails := func(k int) bool { // whether the first k lines fail to parse
		var node yaml.Node
		return k > 0 && yaml.Unmarshal(raw[:ends[k-1]], &node) != nil
	}
	hint := 0
	if g := yamlHint.FindStringSubmatch(err.Error()); g != nil {
		hint, _ = strconv.Atoi(g[1])
	}
	lo := min(max(hint-1, 1), len(ends))
	prev := fails(lo - 1)
	for k := lo; k <= min(hint+3, len(ends)); k++ {
		f := fails(k)
		if f && !prev {
			return k
		}
		prev = f
	}
	budget := 4*len(raw) + 256<<10
	for k := 1; k <= len(ends) && ends[k-1] <= budget; k++ {
		budget -= ends[k-1]
		if fails(k) {
			return k
		}
	}
	return max(hint, 1)
}

var yamlHint = regexp.MustCompile(`^yaml: line (\d+):`)

func decodeYAML(name string, raw []byte, start int) ([]value, diag.List) {
	var errs diag.List
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil && strings.Contains(err.Error(), "exceeded max depth") {
		errs.Add(diag.Pos{File: name, Line: start + locateYAMLError(raw, err)}, "", i18n.Sprintf("front matter nests lists and tables deeper than %d levels", MaxNesting), i18n.Sprintf("keys take text or a list of text, e.g. %s", nestingHint))
		return nil, errs
	} else if err != nil {
		// yaml.v3's line numbers are unreliable (flow collections report
		// where they began, parser errors count from 0): find the first
		// line at which the front matter stops parsing.
		msg := yamlLine.ReplaceAllString(err.Error(), "")
		line := start + locateYAMLError(raw, err)
		errs.Add(diag.Pos{File: name, Line: line}, "", i18n.Sprintf("front matter is not valid YAML: %s", strings.TrimPrefix(msg, "yaml: ")),
			i18n.Sprintf("write one key: value per line; put text holding a colon or quote in double quotes"))
		return nil, errs
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		errs.Add(diag.Pos{File: name, Line: start + m.Line}, "", i18n.Sprintf("front matter is not a list of keys"), i18n.Sprintf("write one key: value per line"))
		return nil, errs
	}
	var values []value
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, n := m.Content[i], m.Content[i+1]
		if deep := yamlNesting(n, 2); deep != nil {
			errs.Add(diag.Pos{File: name, Line: start + deep.Line}, k.Value, i18n.Sprintf("nests lists and tables deeper than %d levels", MaxNesting), i18n.Sprintf("keys take text or a list of text, e.g. %s", nestingHint))
			continue
		}
		v := value{key: k.Value, line: start + k.Line}
		switch n.Kind {
		case yaml.ScalarNode:
			if n.Tag != "!!null" {
				v.scalar = n.Value
			}
		case yaml.SequenceNode:
			v.isList = true
			for _, item := range n.Content {
				if item.Kind != yaml.ScalarNode {
					errs.Add(diag.Pos{File: name, Line: start + item.Line}, k.Value, i18n.Sprintf("list items must be plain values"), i18n.Sprintf("write %s: [\"…\", \"…\"]", k.Value))
					continue
				}
				v.list = append(v.list, item.Value)
			}
		case yaml.AliasNode:
			errs.Add(diag.Pos{File: name, Line: v.line}, k.Value, i18n.Sprintf("YAML aliases are not supported"), i18n.Sprintf("write the value out"))
			continue
		default:
			v.isMap = true
		}
		values = append(values, v)
	}
	return values, errs
}

var tomlKey = regexp.MustCompile(`^\s*("?)([A-Za-z0-9_-]+)("?)\s*=`)

func decodeTOML(name string, raw []byte, start int) ([]value, diag.List) {
	var errs diag.List
	if line, key := tomlNesting(raw); line > 0 {
		errs.Add(diag.Pos{File: name, Line: start + line}, key, i18n.Sprintf("nests lists and tables deeper than %d levels", MaxNesting), i18n.Sprintf("keys take text or a list of text, e.g. %s", nestingHintTOML))
		return nil, errs
	}
	var m map[string]any
	md, err := toml.Decode(string(raw), &m)
	if err != nil {
		line, msg := start, err.Error()
		if pe, ok := err.(toml.ParseError); ok {
			line, msg = start+pe.Position.Line, pe.Message
		}
		errs.Add(diag.Pos{File: name, Line: line}, "", i18n.Sprintf("front matter is not valid TOML: %s", msg), i18n.Sprintf("write one key = value per line; put text in double quotes"))
		return nil, errs
	}
	lines := map[string]int{}
	for i, l := range strings.Split(string(raw), "\n") {
		if g := tomlKey.FindStringSubmatch(l); g != nil {
			if _, seen := lines[g[2]]; !seen {
				lines[g[2]] = start + 1 + i
			}
		}
	}
	var values []value
	for _, k := range md.Keys() {
		if len(k) != 1 {
			continue
		}
		key := k[0]
		v := value{key: key, line: lines[key]}
		if v.line == 0 {
			v.line = start
		}
		switch x := m[key].(type) {
		case []any:
			v.isList = true
			for _, item := range x {
				v.list = append(v.list, fmt.Sprint(item))
			}
		case map[string]any, []map[string]any:
			v.isMap = true
		case time.Time:
			if strings.HasPrefix(x.Location().String(), "local") { // TOML local date or date-time
				x = time.Date(x.Year(), x.Month(), x.Day(), x.Hour(), x.Minute(), x.Second(), 0, vntext.Zone)
			}
			v.scalar = x.Format(time.RFC3339)
		default:
			v.scalar = fmt.Sprint(x)
		}
		values = append(values, v)
	}
	return values, errs
}
