package output

import (
	"maps"
	"slices"
	"testing"
)

func TestMemoryOver(t *testing.T) {
	type op struct {
		remove bool
		name   string
		data   string
	}
	tests := []struct {
		name         string
		ops          []op
		want         map[string]string
		put, removed []string
	}{
		{"nothing", nil, map[string]string{"a": "A", "b": "B"}, nil, nil},
		{"put new and over", []op{{false, "c", "C"}, {false, "a", "A2"}},
			map[string]string{"a": "A2", "b": "B", "c": "C"}, []string{"a", "c"}, nil},
		{"remove", []op{{true, "a", ""}, {true, "gone", ""}},
			map[string]string{"b": "B"}, nil, []string{"a", "gone"}},
		{"put then remove", []op{{false, "a", "A2"}, {true, "a", ""}},
			map[string]string{"b": "B"}, nil, []string{"a"}},
		{"remove then put", []op{{true, "b", ""}, {false, "b", "B2"}},
			map[string]string{"a": "A", "b": "B2"}, []string{"b"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := map[string][]byte{"a": []byte("A"), "b": []byte("B")}
			keep := maps.Clone(base)
			m := NewMemoryOver(base)
			for _, o := range tt.ops {
				if o.remove {
					m.Remove(o.name)
				} else {
					m.Put(o.name, []byte(o.data))
				}
			}
			got := map[string]string{}
			for name, data := range m.Files() {
				got[name] = string(data)
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("Files = %v, want %v", got, tt.want)
			}
			if put, removed := m.Changes(); !slices.Equal(put, tt.put) || !slices.Equal(removed, tt.removed) {
				t.Errorf("Changes = %q, %q; want %q, %q", put, removed, tt.put, tt.removed)
			}
			if !maps.EqualFunc(base, keep, func(a, b []byte) bool { return string(a) == string(b) }) {
				t.Errorf("base changed to %q", base)
			}
		})
	}
}
