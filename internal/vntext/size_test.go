package vntext

import "testing"

func TestByteSize(t *testing.T) {
	for _, tt := range []struct {
		in   int64
		want string
	}{
		{-1, ""},
		{0, "0 byte"},
		{812, "812 byte"},
		{1023, "1023 byte"},
		{1024, "1 KB"},
		{250_000, "244 KB"},
		{1024*1024 - 1, "1 MB"},
		{1024 * 1024, "1 MB"},
		{1_258_291, "1,2 MB"},
		{2 * 1024 * 1024, "2 MB"},
		{3_758_096_384, "3,5 GB"},
	} {
		if got := ByteSize(tt.in); got != tt.want {
			t.Errorf("ByteSize(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
