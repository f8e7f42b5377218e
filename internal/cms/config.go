package cms

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/loa-vn/loa/internal/content"
)

// decapConfig is the part of Decap CMS's config.yml that Loa writes.
type decapConfig struct {
	Locale       string       `yaml:"locale"`
	Backend      backend      `yaml:"backend"`
	PublishMode  string       `yaml:"publish_mode"`
	SiteURL      string       `yaml:"site_url,omitempty"`
	MediaFolder  string       `yaml:"media_folder"`
	PublicFolder string       `yaml:"public_folder"`
	Slug         slugRule     `yaml:"slug"`
	Collections  []collection `yaml:"collections"`
}

type backend struct {
	Name          string            `yaml:"name"`
	Branch        string            `yaml:"branch"`
	CommitMessage map[string]string `yaml:"commit_messages"`
}

// slugRule makes file names as vntext.Slug does: ASCII, marks removed,
// words joined by hyphens.
type slugRule struct {
	Encoding     string `yaml:"encoding"`
	CleanAccents bool   `yaml:"clean_accents"`
	Replacement  string `yaml:"sanitize_replacement"`
}

type collection struct {
	Name        string   `yaml:"name"`
	Label       string   `yaml:"label"`
	Singular    string   `yaml:"label_singular"`
	Description string   `yaml:"description,omitempty"`
	Folder      string   `yaml:"folder,omitempty"`
	Create      bool     `yaml:"create,omitempty"`
	Extension   string   `yaml:"extension,omitempty"`
	Format      string   `yaml:"format"`
	Slug        string   `yaml:"slug,omitempty"`
	Summary     string   `yaml:"summary,omitempty"`
	Sortable    []string `yaml:"sortable_fields,omitempty"`
	Fields      []field  `yaml:"fields,omitempty"`
	Files       []file   `yaml:"files,omitempty"`
}

// file is one file of a files collection.
type file struct {
	Name   string  `yaml:"name"`
	Label  string  `yaml:"label"`
	File   string  `yaml:"file"`
	Fields []field `yaml:"fields"`
}

type field struct {
	Label        string   `yaml:"label"`
	Name         string   `yaml:"name"`
	Widget       string   `yaml:"widget"`
	Required     bool     `yaml:"required"`
	Hint         string   `yaml:"hint,omitempty"`
	Default      any      `yaml:"default,omitempty"`
	Options      []option `yaml:"options,omitempty"`
	Pattern      []string `yaml:"pattern,omitempty"`
	Format       string   `yaml:"format,omitempty"`
	DateFormat   string   `yaml:"date_format,omitempty"`
	TimeFormat   any      `yaml:"time_format,omitempty"`
	ValueType    string   `yaml:"value_type,omitempty"`
	MediaFolder  string   `yaml:"media_folder,omitempty"`
	PublicFolder string   `yaml:"public_folder,omitempty"`
	Choose       bool     `yaml:"choose_url,omitempty"`
}

type option struct {
	Label string `yaml:"label"`
	Value string `yaml:"value"`
}

// DateFormat is how the editor writes dates with a time (moment.js
// tokens): 2026-12-01T08:00:00+07:00, which content.ParseDate reads.
const DateFormat = "YYYY-MM-DDTHH:mm:ssZ"

// dayOnly are the date keys without a time of day.
var dayOnly = map[string]bool{"issued": true, "effective": true}

// choices are the site's topics, units and document types.
type choices struct {
	topics, units []option
	docTypes      []string
	pages         []*content.File // plain pages, by path
}

func configYAML(cfg Config) ([]byte, error) {
	c := decapConfig{
		Locale:      "vi",
		Backend:     backend{Name: "git-gateway", Branch: cmp(cfg.Branch, "main"), CommitMessage: commitMessages},
		PublishMode: "simple", SiteURL: cfg.SiteURL,
		MediaFolder: MediaFolder, PublicFolder: PublicFolder,
		Slug:        slugRule{Encoding: "ascii", CleanAccents: true, Replacement: "-"},
		Collections: collections(siteChoices(cfg.Files)),
	}
	out, err := yaml.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("cms: config.yml: %w", err)
	}
	return append([]byte("# Made by loa build from the rules of package content: do not edit.\n"), out...), nil
}

// commitMessages are the commits the editor makes, in Vietnamese.
var commitMessages = map[string]string{
	"create":      "Thêm {{collection}} “{{slug}}”",
	"update":      "Sửa {{collection}} “{{slug}}”",
	"delete":      "Xóa {{collection}} “{{slug}}”",
	"uploadMedia": "Tải lên “{{path}}”",
	"deleteMedia": "Xóa “{{path}}”",
}

func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// siteChoices collects the topics and units (the folders that exist under
// content/chu-de/ and content/tin-don-vi/, named by their _index.md when
// they have one) and the document types in use.
func siteChoices(files []*content.File) choices {
	var ch choices
	topics, units := map[string]string{}, map[string]string{}
	ch.docTypes = slices.Clone(docTypes)
	for _, f := range files {
		switch f.Kind {
		case content.KindTopic, content.KindArticle:
			addGroup(topics, f)
		case content.KindUnit, content.KindNews:
			addGroup(units, f)
		case content.KindDocument:
			if t := f.Meta.Type; t != "" && !slices.Contains(ch.docTypes, t) {
				ch.docTypes = append(ch.docTypes, t)
			}
		case content.KindPage:
			ch.pages = append(ch.pages, f)
		}
	}
	ch.topics, ch.units = sortedOptions(topics), sortedOptions(units)
	return ch
}

func addGroup(m map[string]string, f *content.File) {
	if f.Group == "" {
		return
	}
	if f.IsIndex() && f.Meta.Title != "" {
		m[f.Group] = f.Meta.Title
	} else if _, ok := m[f.Group]; !ok {
		m[f.Group] = f.Group
	}
}

func sortedOptions(m map[string]string) []option {
	var out []option
	for slug, title := range m {
		out = append(out, option{Label: title, Value: slug})
	}
	slices.SortFunc(out, func(a, b option) int { return strings.Compare(a.Value, b.Value) })
	return out
}

// collections makes one collection per kind and group.
func collections(ch choices) []collection {
	var out []collection
	for _, t := range ch.topics {
		c := newCollection(content.KindArticle, "bai-viet-"+t.Value, "Bài viết: "+t.Label, "bài viết", path.Join("content", content.SectionTopics, t.Value), ch)
		c.setFixed("topic", t.Value)
		out = append(out, c)
	}
	out = append(out, newCollection(content.KindQA, "hoi-dap", "Hỏi - đáp", "câu hỏi", path.Join("content", content.SectionQA), ch))
	for _, u := range ch.units {
		c := newCollection(content.KindNews, "tin-"+u.Value, "Tin: "+u.Label, "tin", path.Join("content", content.SectionUnits, u.Value), ch)
		c.setFixed("unit", u.Value)
		out = append(out, c)
	}
	out = append(out, newCollection(content.KindDocument, "van-ban", "Văn bản", "văn bản", path.Join("content", content.SectionDocuments), ch))
	if len(ch.pages) > 0 {
		out = append(out, pagesCollection(ch))
	}
	return out
}

// pagesCollection lists the site's plain pages one by one (a files
// collection): a folder collection of content/ would also list
// content/_index.md, the site settings, whose body key the editor takes
// for the text of the page. New plain pages are made with loa new page.
func pagesCollection(ch choices) collection {
	c := newCollection(content.KindPage, "trang", "Trang", "trang", "", ch)
	pages := collection{Name: c.Name, Label: c.Label, Singular: c.Singular, Format: c.Format,
		Description: "Các trang giới thiệu, liên hệ… (trang mới thì tạo bằng lệnh loa new page)."}
	for _, f := range ch.pages {
		name := strings.TrimSuffix(strings.TrimPrefix(f.Path, "content/"), ".md")
		pages.Files = append(pages.Files, file{Name: strings.ReplaceAll(name, "/", "-"), Label: cmp(f.Meta.Title, name), File: f.Path, Fields: c.Fields})
	}
	return pages
}

// setFixed makes key a hidden field holding value: the group of the
// collection's folder, which the file must name if it names one.
func (c *collection) setFixed(key, value string) {
	for i := range c.Fields {
		if c.Fields[i].Name == key {
			c.Fields[i] = field{Label: c.Fields[i].Label, Name: key, Widget: "hidden", Default: value}
		}
	}
}

func newCollection(k content.Kind, name, label, singular, folder string, ch choices) collection {
	c := collection{Name: name, Label: label, Singular: singular, Folder: folder, Create: true,
		Extension: "md", Format: "yaml-frontmatter", Slug: "{{slug}}", Summary: "{{title}}",
		Sortable: []string{"title"}}
	keys := content.FieldsFor(k)
	slices.SortStableFunc(keys, func(a, b content.Field) int { return rank(a.Key) - rank(b.Key) })
	for _, f := range keys {
		c.Fields = append(c.Fields, newField(f, ch))
		if f.Key == "date" {
			c.Sortable = append(c.Sortable, "date")
		}
	}
	c.Fields = append(c.Fields, field{Label: labels["body"].name, Name: "body", Widget: "markdown", Required: false})
	return c
}
