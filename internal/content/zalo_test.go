package content

import "testing"

// TestZalo checks the zalo setting: phone numbers as people write them
// become the digits a zalo.me link takes; anything else is an error.
func TestZalo(t *testing.T) {
	const hint = "; write the 10 digits of the phone number of the Zalo account, e.g. zalo: \"0912 345 678\""
	for _, tt := range []struct {
		in, want, err string
	}{
		{"0912 345 678", "0912345678", ""},
		{"0912.345.678", "0912345678", ""},
		{"+84 912 345 678", "0912345678", ""},
		{"84912345678", "0912345678", ""},
		{"(0251) 3822-123", "", `content/_index.md:3: zalo: "(0251) 3822-123" is not a phone number` + hint},
		{"091234567", "", `content/_index.md:3: zalo: "091234567" is not a phone number` + hint},
		{"zalo.me/0912345678", "", `content/_index.md:3: zalo: "zalo.me/0912345678" is not a phone number` + hint},
		{`"javascript:alert(1)"`, "", `content/_index.md:3: zalo: "javascript:alert(1)" is not a phone number` + hint},
	} {
		t.Run(tt.in, func(t *testing.T) {
			f, errs := Parse("content/_index.md", []byte("---\ntitle: A\nzalo: "+tt.in+"\n---\n"))
			if tt.err != "" {
				if errs.Err() == nil || errs.Err().Error() != tt.err {
					t.Errorf("got %v, want %s", errs.Err(), tt.err)
				}
				return
			}
			if errs.Err() != nil {
				t.Fatal(errs.Err())
			}
			if f.Meta.Zalo != tt.want {
				t.Errorf("zalo = %q, want %q", f.Meta.Zalo, tt.want)
			}
		})
	}
}
