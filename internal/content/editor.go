package content

import "slices"

// Type is what a front-matter value is, as the web editor shows it.
type Type string

// The types of front-matter values.
const (
	TypeText  Type = "text"  // one line of text
	TypeDate  Type = "date"  // a date (ParseDate)
	TypeBool  Type = "bool"  // true or false
	TypeInt   Type = "int"   // a whole number
	TypeList  Type = "list"  // a list of texts
	TypePath  Type = "path"  // a path of a file under static/
	TypeSlug  Type = "slug"  // a–z, 0–9 and single hyphens: a slug or a folder's name
	TypeWeb   Type = "web"   // an absolute http or https address
	TypePhone Type = "phone" // a Vietnamese phone number
)

// SlugPattern is the pattern of slugs and of the folder names topic and
// unit refer to.
const SlugPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

// Field is a front-matter key a kind of file accepts.
type Field struct {
	Key      string
	Type     Type
	Required bool
}

// FieldsFor returns the keys a file of kind k accepts, sorted by key: the
// rules Parse enforces, for the web editor to offer the same.
func FieldsFor(k Kind) []Field {
	var out []Field
	req := required(k)
	for _, key := range keysFor(k) {
		out = append(out, Field{Key: key, Type: fields[key].typ, Required: slices.Contains(req, key)})
	}
	return out
}

// setCMS stores the cms setting: true or missing keeps the web editor,
// false leaves it out.
func setCMS(m *Meta, v value) (string, string) {
	on := true
	if s, _, _ := v.text(); s == "" {
		return "", ""
	}
	msg, hint := setBool(func(*Meta) *bool { return &on })(m, v)
	m.NoCMS = !on
	return msg, hint
}
