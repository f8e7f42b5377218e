package cms

import (
	"slices"

	"github.com/loa-vn/loa/internal/content"
)

// order is the order of the fields in the editor's forms: what every
// item needs first, the rarely used settings last. Keys not listed come
// after these.
var order = []string{
	"title", "date", "summary", "topic", "unit", "asker",
	"number", "type", "issuer", "issued", "signer", "effective", "file",
	"image", "alt", "tags", "author", "featured", "menu", "weight", "draft",
	"updated", "expires", "slug", "aliases", "example", "unsafe",
}

func rank(key string) int {
	if i := slices.Index(order, key); i >= 0 {
		return i
	}
	return len(order)
}

// newField makes the editor's field for a front-matter key.
func newField(f content.Field, ch choices) field {
	l := labels[f.Key]
	out := field{Label: l.name, Name: f.Key, Required: f.Required, Hint: l.hint}
	if out.Label == "" {
		out.Label = f.Key
	}
	switch f.Type {
	case content.TypeDate:
		out.Widget = "datetime"
		if dayOnly[f.Key] {
			out.Format, out.DateFormat, out.TimeFormat = "YYYY-MM-DD", "DD/MM/YYYY", false
		} else {
			out.Format, out.DateFormat, out.TimeFormat = DateFormat, "DD/MM/YYYY", "HH:mm"
		}
		if f.Key == "date" {
			out.Default = "{{now}}"
		}
	case content.TypeBool:
		out.Widget, out.Default = "boolean", false
	case content.TypeInt:
		out.Widget, out.ValueType = "number", "int"
	case content.TypeList:
		out.Widget = "list"
	case content.TypePath:
		out.Widget = "image"
		if f.Key == "file" {
			out.Widget, out.MediaFolder, out.PublicFolder = "file", "/"+FileFolder, FilePublic
		}
	case content.TypeSlug:
		out.Widget = "string"
		out.Pattern = []string{content.SlugPattern, "Chỉ chữ a–z không dấu, số và dấu gạch nối"}
	default:
		out.Widget = "string"
		if longText[f.Key] {
			out.Widget = "text"
		}
	}
	switch f.Key {
	case "topic":
		out.Widget, out.Pattern, out.Options = "select", nil, ch.topics
	case "unit":
		out.Widget, out.Pattern, out.Options = "select", nil, ch.units
	case "type":
		out.Widget = "select"
		for _, t := range ch.docTypes {
			out.Options = append(out.Options, option{Label: t, Value: t})
		}
	}
	return out
}
