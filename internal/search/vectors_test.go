package search

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"testing"
	"unicode"
	"unicode/utf16"

	"github.com/loa-vn/loa/internal/vntext"
)

var update = flag.Bool("update", false, "rewrite the expected values of testdata/vectors.json")

// Vector is one case of testdata/vectors.json: an input and what the Go
// rules make of it. The browser test runs the same cases through the
// client's JavaScript.
type Vector struct {
	In     string   `json:"in"`
	NFC    string   `json:"nfc"`    // vntext.NFC(in)
	Folded string   `json:"folded"` // vntext.Fold(vntext.NFC(in))
	Tokens []string `json:"tokens"` // vntext.Tokens(in)
	Keys   []string `json:"keys"`   // vntext.Fold of each token
	Pairs  []string `json:"pairs"`  // adjacent tokens with no break between them
}

// VectorsFile is the shared test vector file.
const VectorsFile = "testdata/vectors.json"

// ReadVectors reads VectorsFile.
func ReadVectors() ([]Vector, error) {
	data, err := os.ReadFile(VectorsFile)
	if err != nil {
		return nil, err
	}
	var vs []Vector
	if err := json.Unmarshal(data, &vs); err != nil {
		return nil, fmt.Errorf("%s: %w", VectorsFile, err)
	}
	return vs, nil
}

// expect fills in what Go makes of v.In.
func expect(in string) Vector {
	v := Vector{In: in, NFC: vntext.NFC(in), Folded: vntext.Fold(vntext.NFC(in)), Tokens: []string{}, Keys: []string{}, Pairs: []string{}}
	prev := ""
	for t := range vntext.Scan(in) {
		v.Tokens = append(v.Tokens, t.Word)
		v.Keys = append(v.Keys, vntext.Fold(t.Word))
		if prev != "" && !t.Break {
			v.Pairs = append(v.Pairs, prev+" "+t.Word)
		}
		prev = t.Word
	}
	return v
}

func TestVectors(t *testing.T) {
	vs, err := ReadVectors()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		var buf bytes.Buffer
		buf.WriteString("[\n")
		for i, v := range vs {
			if i > 0 {
				buf.WriteString(",\n")
			}
			writeVector(&buf, expect(v.In))
		}
		buf.WriteString("\n]\n")
		if err := os.WriteFile(VectorsFile, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, v := range vs {
		want := expect(v.In)
		if v.NFC != want.NFC || v.Folded != want.Folded || !slices.Equal(v.Tokens, want.Tokens) ||
			!slices.Equal(v.Keys, want.Keys) || !slices.Equal(v.Pairs, want.Pairs) {
			t.Errorf("%q: file has %+v, Go gives %+v (rewrite with go test -run TestVectors -update and review)", v.In, v, want)
		}
	}
}

// writeVector writes v on one line, with combining marks, format
// characters and runes beyond the BMP escaped so that a reader sees them.
func writeVector(buf *bytes.Buffer, v Vector) {
	str := func(s string) {
		buf.WriteByte('"')
		for _, r := range s {
			switch {
			case r == '"' || r == '\\':
				buf.WriteByte('\\')
				buf.WriteRune(r)
			case r < 0x20 || r >= 0x7f && r < 0xa0 || unicode.In(r, unicode.M, unicode.Cf, unicode.Zs) && r != ' ' || r == 'Ð':
				fmt.Fprintf(buf, `\u%04x`, r)
			case r > 0xFFFF:
				r1, r2 := utf16.EncodeRune(r)
				fmt.Fprintf(buf, `\u%04x\u%04x`, r1, r2)
			default:
				buf.WriteRune(r)
			}
		}
		buf.WriteByte('"')
	}
	list := func(l []string) {
		buf.WriteByte('[')
		for i, s := range l {
			if i > 0 {
				buf.WriteByte(',')
			}
			str(s)
		}
		buf.WriteByte(']')
	}
	buf.WriteString(`{"in":`)
	str(v.In)
	buf.WriteString(`, "nfc":`)
	str(v.NFC)
	buf.WriteString(`, "folded":`)
	str(v.Folded)
	buf.WriteString(`, "tokens":`)
	list(v.Tokens)
	buf.WriteString(`, "keys":`)
	list(v.Keys)
	buf.WriteString(`, "pairs":`)
	list(v.Pairs)
	buf.WriteByte('}')
}
