package content

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/vntext"
)

// value is one front-matter value in a format-neutral form: a scalar as
// its text, or a list of scalars.
type value struct {
	key    string
	line   int
	scalar string
	list   []string
	isList bool
	isMap  bool
}

// field describes one front-matter key: the kinds that accept it and how
// to store its value.
type field struct {
	typ   Type   // what the value is, for the web editor (FieldsFor)
	kinds []Kind // nil: every content kind that is not an index
	set   func(m *Meta, v value) (msg, hint string)
}

var contentKinds = []Kind{KindArticle, KindQA, KindNews, KindDocument, KindPage}
var indexKinds = []Kind{KindSection, KindTopic, KindUnit}

var fields = map[string]field{
	"title":    {typ: TypeText, kinds: allKinds(), set: setText(func(m *Meta) *string { return &m.Title })},
	"date":     {typ: TypeDate, set: setDate(func(m *Meta) *time.Time { return &m.Date })},
	"summary":  {typ: TypeText, kinds: append(append([]Kind{}, contentKinds...), append(indexKinds, KindHome)...), set: setText(func(m *Meta) *string { return &m.Summary })},
	"tags":     {typ: TypeList, set: setTags},
	"author":   {typ: TypeText, set: setText(func(m *Meta) *string { return &m.Author })},
	"image":    {typ: TypePath, set: setPath(func(m *Meta) *string { return &m.Image })},
	"alt":      {typ: TypeText, set: setText(func(m *Meta) *string { return &m.Alt })},
	"draft":    {typ: TypeBool, kinds: append(append([]Kind{}, contentKinds...), indexKinds...), set: setBool(func(m *Meta) *bool { return &m.Draft })},
	"featured": {typ: TypeBool, set: setBool(func(m *Meta) *bool { return &m.Featured })},
	"weight":   {typ: TypeInt, kinds: append(append([]Kind{}, contentKinds...), indexKinds...), set: setInt(func(m *Meta) *int { return &m.Weight })},
	"aliases":  {typ: TypeList, kinds: append(append([]Kind{}, contentKinds...), indexKinds...), set: setAliases},
	"expires":  {typ: TypeDate, set: setDate(func(m *Meta) *time.Time { return &m.Expires })},
	"updated":  {typ: TypeDate, set: setDate(func(m *Meta) *time.Time { return &m.Updated })},
	"slug":     {typ: TypeSlug, set: setSlug},
	"unsafe":   {typ: TypeBool, set: setBool(func(m *Meta) *bool { return &m.Unsafe })},
	"example":  {typ: TypeBool, set: setBool(func(m *Meta) *bool { return &m.Example })},

	"topic": {typ: TypeSlug, kinds: []Kind{KindArticle, KindQA, KindNews}, set: setSlugRef(func(m *Meta) *string { return &m.Topic })},
	"unit":  {typ: TypeSlug, kinds: []Kind{KindArticle, KindNews}, set: setSlugRef(func(m *Meta) *string { return &m.Unit })},
	"asker": {typ: TypeText, kinds: []Kind{KindQA}, set: setText(func(m *Meta) *string { return &m.Asker })},
	"menu":  {typ: TypeBool, kinds: []Kind{KindPage}, set: setBool(func(m *Meta) *bool { return &m.Menu })},

	"number":    {typ: TypeText, kinds: []Kind{KindDocument}, set: setText(func(m *Meta) *string { return &m.Number })},
	"type":      {typ: TypeText, kinds: []Kind{KindDocument}, set: setText(func(m *Meta) *string { return &m.Type })},
	"issuer":    {typ: TypeText, kinds: []Kind{KindDocument}, set: setText(func(m *Meta) *string { return &m.Issuer })},
	"issued":    {typ: TypeDate, kinds: []Kind{KindDocument}, set: setDate(func(m *Meta) *time.Time { return &m.Issued })},
	"signer":    {typ: TypeText, kinds: []Kind{KindDocument}, set: setText(func(m *Meta) *string { return &m.Signer })},
	"effective": {typ: TypeDate, kinds: []Kind{KindDocument}, set: setDate(func(m *Meta) *time.Time { return &m.Effective })},
	"file":      {typ: TypePath, kinds: []Kind{KindDocument}, set: setPath(func(m *Meta) *string { return &m.File })},

	"description": {typ: TypeText, kinds: []Kind{KindHome}, set: setText(func(m *Meta) *string { return &m.Description })},
	"shortname":   {typ: TypeText, kinds: []Kind{KindHome}, set: setText(func(m *Meta) *string { return &m.ShortName })},
	"address":     {typ: TypeText, kinds: []Kind{KindHome}, set: setText(func(m *Meta) *string { return &m.Address })},
	"phone":       {typ: TypeText, kinds: []Kind{KindHome}, set: setText(func(m *Meta) *string { return &m.Phone })},
	"email":       {typ: TypeText, kinds: []Kind{KindHome}, set: setText(func(m *Meta) *string { return &m.Email })},
	"zalo":        {typ: TypePhone, kinds: []Kind{KindHome}, set: setZalo},
	"baseurl":     {typ: TypeWeb, kinds: []Kind{KindHome}, set: setBaseURL},

	// The site's identity (identity.go).
	"parent":          {typ: TypeText, kinds: []Kind{KindHome}, set: setText(func(m *Meta) *string { return &m.Parent })},
	"body":            {typ: TypeText, kinds: []Kind{KindHome}, set: setText(func(m *Meta) *string { return &m.Body })},
	"township":        {typ: TypeText, kinds: []Kind{KindHome}, set: setText(func(m *Meta) *string { return &m.Township })},
	"emblem":          {typ: TypePath, kinds: []Kind{KindHome}, set: setPath(func(m *Meta) *string { return &m.Emblem })},
	"owner":           {typ: TypeText, kinds: []Kind{KindHome}, set: setText(func(m *Meta) *string { return &m.Owner })},
	"editor":          {typ: TypeText, kinds: []Kind{KindHome}, set: setText(func(m *Meta) *string { return &m.Editor })},
	"licence":         {typ: TypeText, kinds: []Kind{KindHome}, set: setText(func(m *Meta) *string { return &m.Licence })},
	"province_portal": {typ: TypeWeb, kinds: []Kind{KindHome}, set: setWebAddress(func(m *Meta) *string { return &m.ProvincePortal })},
	"cms":             {typ: TypeBool, kinds: []Kind{KindHome}, set: setCMS}, // cms: false leaves out the web editor (package cms)
}

func allKinds() []Kind {
	return []Kind{KindHome, KindSection, KindTopic, KindArticle, KindQA, KindUnit, KindNews, KindDocument, KindPage}
}

// accepts reports whether key may appear in a file of kind k.
func (f field) accepts(k Kind) bool {
	if f.kinds == nil {
		return slices.Contains(contentKinds, k)
	}
	return slices.Contains(f.kinds, k)
}

// keysFor lists the keys a kind accepts, sorted, for error hints.
func keysFor(k Kind) []string {
	var keys []string
	for name, f := range fields {
		if f.accepts(k) {
			keys = append(keys, name)
		}
	}
	slices.Sort(keys)
	return keys
}

// required lists the keys a kind must have.
func required(k Kind) []string {
	switch k {
	case KindArticle, KindQA, KindNews:
		return []string{"title", "date"}
	case KindDocument:
		return []string{"title", "issuer"}
	}
	return []string{"title"}
}

func (v value) text() (string, string, string) {
	if v.isList || v.isMap {
		return "", i18n.Sprintf("is a list, not a text"), i18n.Sprintf("write %s: \"…\" on one line", v.key)
	}
	return strings.TrimSpace(v.scalar), "", ""
}

func setText(ptr func(*Meta) *string) func(*Meta, value) (string, string) {
	return func(m *Meta, v value) (string, string) {
		s, msg, hint := v.text()
		if msg != "" {
			return msg, hint
		}
		*ptr(m) = vntext.NFC(s)
		return "", ""
	}
}

func setBool(ptr func(*Meta) *bool) func(*Meta, value) (string, string) {
	return func(m *Meta, v value) (string, string) {
		s, msg, hint := v.text()
		if msg != "" {
			return msg, hint
		}
		switch strings.ToLower(s) {
		case "true":
			*ptr(m) = true
		case "false", "":
			*ptr(m) = false
		default:
			return i18n.Sprintf("%q is not true or false", s), i18n.Sprintf("write %s: true or %s: false", v.key, v.key)
		}
		return "", ""
	}
}

func setInt(ptr func(*Meta) *int) func(*Meta, value) (string, string) {
	return func(m *Meta, v value) (string, string) {
		s, msg, hint := v.text()
		if msg != "" {
			return msg, hint
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return i18n.Sprintf("%q is not a whole number", s), i18n.Sprintf("write e.g. %s: 1", v.key)
		}
		*ptr(m) = n
		return "", ""
	}
}

var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05 -0700 MST", // YAML/TOML timestamps printed by Go
	"2006-01-02 15:04:05Z07:00",
}

var vnDate = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

// ParseDate reads a front-matter date. Dates without a zone are in
// Vietnam's time.
func ParseDate(s string) (time.Time, error) {
	for _, layout := range dateLayouts {
		if t, err := time.ParseInLocation(layout, s, vntext.Zone); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date")
}

func setDate(ptr func(*Meta) *time.Time) func(*Meta, value) (string, string) {
	return func(m *Meta, v value) (string, string) {
		s, msg, hint := v.text()
		if msg != "" {
			return msg, hint
		}
		t, err := ParseDate(s)
		if err == nil {
			*ptr(m) = t
			return "", ""
		}
		hint = i18n.Sprintf("write year-month-day, e.g. %s: 2023-05-12 or 2023-05-12T08:00:00+07:00", v.key)
		if g := vnDate.FindStringSubmatch(s); g != nil {
			d, _ := strconv.Atoi(g[1])
			mo, _ := strconv.Atoi(g[2])
			y, _ := strconv.Atoi(g[3])
			if t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, vntext.Zone); t.Day() == d && int(t.Month()) == mo {
				hint = i18n.Sprintf("write year-month-day: %s: %s", v.key, t.Format("2006-01-02"))
			}
		} else if t, ok := nearestDate(s); ok {
			hint = i18n.Sprintf("that day does not exist; did you mean %s?", t.Format("2006-01-02"))
		}
		return i18n.Sprintf("%q is not a date", s), hint
	}
}

// nearestDate recognises a YYYY-MM-DD whose day is past the month's end
// ("2026-02-31") and returns the month's last day.
func nearestDate(s string) (time.Time, bool) {
	var y, mo, d int
	if n, _ := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &mo, &d); n != 3 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	last := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, vntext.Zone)
	return last, d > last.Day()
}

func (v value) strings() ([]string, string, string) {
	if v.isMap {
		return nil, i18n.Sprintf("is a table, not a list"), i18n.Sprintf("write %s: [\"…\", \"…\"]", v.key)
	}
	if !v.isList {
		if strings.TrimSpace(v.scalar) == "" {
			return nil, "", ""
		}
		return []string{strings.TrimSpace(v.scalar)}, "", ""
	}
	var out []string
	for _, s := range v.list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, vntext.NFC(s))
		}
	}
	return out, "", ""
}

func setTags(m *Meta, v value) (string, string) {
	tags, msg, hint := v.strings()
	if msg != "" {
		return msg, hint
	}
	if len(tags) > MaxTagsPerPage {
		return i18n.Sprintf("%d tags, more than the limit of %d", len(tags), MaxTagsPerPage), i18n.Sprintf("keep the few that say what the page is about")
	}
	for _, t := range tags {
		if vntext.Slug(t) == "" {
			return i18n.Sprintf("tag %q has no letter or digit", t), i18n.Sprintf("remove it or write a word")
		}
	}
	m.Tags = tags
	return "", ""
}

var slugPattern = regexp.MustCompile(SlugPattern)

func setSlug(m *Meta, v value) (string, string) {
	s, msg, hint := v.text()
	if msg != "" {
		return msg, hint
	}
	if !slugPattern.MatchString(s) {
		return i18n.Sprintf("%q is not a slug", s), i18n.Sprintf("use only a–z, 0–9 and single hyphens, e.g. slug: %s", cmpOr(vntext.Slug(s), "bai-viet"))
	}
	m.Slug = s
	return "", ""
}

func setSlugRef(ptr func(*Meta) *string) func(*Meta, value) (string, string) {
	return func(m *Meta, v value) (string, string) {
		s, msg, hint := v.text()
		if msg != "" {
			return msg, hint
		}
		if s != "" && !slugPattern.MatchString(s) {
			return i18n.Sprintf("%q is not a folder name", s), i18n.Sprintf("write the folder's name, e.g. %s: %s", v.key, cmpOr(vntext.Slug(s), "ten-thu-muc"))
		}
		*ptr(m) = s
		return "", ""
	}
}

// setPath stores a relative path to a file under static/, refusing
// anything that could leave that folder.
func setPath(ptr func(*Meta) *string) func(*Meta, value) (string, string) {
	return func(m *Meta, v value) (string, string) {
		s, msg, hint := v.text()
		if msg != "" {
			return msg, hint
		}
		p, ok := cleanRel(strings.TrimPrefix(s, "/"))
		if !ok {
			return i18n.Sprintf("%q is not a path inside static/", s), i18n.Sprintf("write a path such as %s: %s", v.key, pathExamples[v.key])
		}
		*ptr(m) = p
		return "", ""
	}
}

// pathExamples are the paths the hints of path keys suggest.
var pathExamples = map[string]string{"file": "files/van-ban.pdf", "image": "images/hoi-nghi.jpg", "emblem": "img/logo.png"}

// cleanRel cleans a slash path and reports whether it stays inside its
// root: no "..", no backslash, no NUL, not absolute, not empty.
func cleanRel(s string) (string, bool) {
	if s == "" || strings.ContainsAny(s, "\\\x00") || strings.HasPrefix(s, "/") {
		return "", false
	}
	for _, seg := range strings.Split(s, "/") {
		if seg == ".." {
			return "", false
		}
	}
	p := path.Clean(s)
	return p, p != "." && !strings.HasPrefix(p, "../")
}

func setBaseURL(m *Meta, v value) (string, string) {
	return setWebAddress(func(m *Meta) *string { return &m.BaseURL })(m, v)
}

// setWebAddress stores an absolute http or https address.
func setWebAddress(ptr func(*Meta) *string) func(*Meta, value) (string, string) {
	return func(m *Meta, v value) (string, string) {
		s, msg, hint := v.text()
		if msg != "" {
			return msg, hint
		}
		if s == "" {
			return "", ""
		}
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return i18n.Sprintf("%q is not a web address", s), i18n.Sprintf("write e.g. %s: https://example.org/portal/", v.key)
		}
		*ptr(m) = s
		return "", ""
	}
}

// setZalo stores a Vietnamese phone number as its digits, in the
// national form zalo.me links take: "+84 912 345 678" → "0912345678".
func setZalo(m *Meta, v value) (string, string) {
	s, msg, hint := v.text()
	if msg != "" || s == "" {
		return msg, hint
	}
	digits := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r
		case r == ' ' || r == '.' || r == '-' || r == '(' || r == ')':
			return -1
		}
		return 'x'
	}, strings.TrimPrefix(s, "+"))
	if strings.HasPrefix(s, "+84") || strings.HasPrefix(s, "84") && len(digits) == 11 {
		digits = "0" + digits[2:]
	}
	if strings.Contains(digits, "x") || len(digits) != 10 || digits[0] != '0' {
		return i18n.Sprintf("%q is not a phone number", s), i18n.Sprintf("write the 10 digits of the phone number of the Zalo account, e.g. zalo: \"0912 345 678\"")
	}
	m.Zalo = digits
	return "", ""
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
