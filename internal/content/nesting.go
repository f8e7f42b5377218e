package content

import (
	"regexp"

	"go.yaml.in/yaml/v3"
)

// tomlNesting returns the 1-based line of raw TOML on which the nesting of
// tables, arrays, inline tables and dotted keys first passes MaxNesting,
// and the top-level key there; line is 0 when it never does. It reads the
// text once, without recursion, so that it is safe on any input: the TOML
// decoder recurses once per level, and a few thousand levels exhaust its
// stack or memory. The count may be above the decoder's (dotted keys of
// siblings in one inline table add up), never below it; no key takes a
// table, so only text that is wrong anyway can be over-counted.
func tomlNesting(raw []byte) (line int, key string) {
	var (
		open   []byte // the open [ and { of the current value
		header int    // levels of the last [table] or [[array]] header
		dots   int    // dots in the keys of the current statement
		inKey  = true // reading a key, not a value
		start  int    // offset of the current statement
	)
	line = 1
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '\n':
			line++
			if len(open) == 0 {
				dots, inKey, start = 0, true, i+1
			}
		case '#':
			for i+1 < len(raw) && raw[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			var nl int
			i, nl = skipTOMLString(raw, i)
			line += nl
		case '[':
			if len(open) == 0 && inKey {
				i, header = tomlHeader(raw, i)
				dots, inKey = 0, false
				break
			}
			open, inKey = append(open, c), false
		case '{':
			open, inKey = append(open, c), true
		case ']', '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
			inKey = false
		case ',':
			inKey = len(open) > 0 && open[len(open)-1] == '{'
		case '=':
			inKey = false
		case '.':
			if inKey {
				dots++
			}
		}
		if 1+header+dots+len(open) > MaxNesting {
			return line, firstKey(raw[start:])
		}
	}
	return 0, ""
}

// tomlHeader reads the table header starting at raw[i] == '[' and returns
// the offset of its last byte and its levels: one per dotted part, and one
// more for an [[array of tables]].
func tomlHeader(raw []byte, i int) (end, levels int) {
	levels = 1
	if i+1 < len(raw) && raw[i+1] == '[' {
		levels++
		i++
	}
	for i++; i < len(raw) && raw[i] != ']' && raw[i] != '\n'; i++ {
		switch raw[i] {
		case '.':
			levels++
		case '"', '\'':
			i, _ = skipTOMLString(raw, i)
		}
	}
	if i < len(raw) && raw[i] == '\n' {
		i-- // the main loop counts the line
	}
	return i, levels
}

// skipTOMLString returns the offset of the last byte of the string that
// opens at raw[i], and the line breaks in it. A one-line string ends
// before a line break even when it is not closed.
func skipTOMLString(raw []byte, i int) (end, newlines int) {
	q := raw[i]
	if i+2 < len(raw) && raw[i+1] == q && raw[i+2] == q {
		for j := i + 3; j < len(raw); j++ {
			switch {
			case raw[j] == '\\' && q == '"':
				if j+1 < len(raw) && raw[j+1] == '\n' {
					newlines++
				}
				j++
			case raw[j] == '\n':
				newlines++
			case raw[j] == q && j+2 < len(raw) && raw[j+1] == q && raw[j+2] == q:
				return j + 2, newlines
			}
		}
		return len(raw) - 1, newlines
	}
	for j := i + 1; j < len(raw); j++ {
		switch {
		case raw[j] == '\\' && q == '"' && j+1 < len(raw) && raw[j+1] != '\n':
			j++
		case raw[j] == '\n':
			return j - 1, 0
		case raw[j] == q:
			return j, 0
		}
	}
	return len(raw) - 1, 0
}

var leadingKey = regexp.MustCompile(`^[ \t]*\[*[ \t]*["']?([A-Za-z0-9_-]+)`)

// firstKey returns the bare key that a statement starts with, or "".
func firstKey(stmt []byte) string {
	if g := leadingKey.FindSubmatch(stmt[:min(len(stmt), 200)]); g != nil {
		return string(g[1])
	}
	return ""
}

// yamlNesting returns the node below n, at depth d, that passes
// MaxNesting, or nil. The YAML decoder stops at 10,000 levels by itself;
// this walk stops at MaxNesting+1.
func yamlNesting(n *yaml.Node, d int) *yaml.Node {
	if n.Kind != yaml.SequenceNode && n.Kind != yaml.MappingNode {
		return nil
	}
	if d > MaxNesting {
		return n
	}
	for _, c := range n.Content {
		if deep := yamlNesting(c, d+1); deep != nil {
			return deep
		}
	}
	return nil
}
