package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // prefix
		stderr string // whole
	}{
		{"no -out", []string{"-n", "5"}, 2, "",
			"usage: corpus -n N [-seed S] -out DIR [-layout loa|hugo] [-clean] [-stats]\n"},
		{"bad layout", []string{"-out", dir, "-layout", "jekyll"}, 2, "",
			"corpus: -layout \"jekyll\": write loa or hugo\n"},
		{"first", []string{"-n", "5", "-out", dir}, 0,
			dir + "/content: 32 files, ", ""},
		{"again", []string{"-n", "5", "-out", dir}, 1, "",
			"corpus: " + dir + "/content already exists; remove it or pass -clean\n"},
		{"clean, no Q&A", []string{"-n", "20", "-out", dir, "-clean", "-qa-rate", "0", "-stats"}, 0,
			dir + "/content: 51 files, 152272 bytes: 20 articles, 0 Q&A, 5 news (0 drafts), 3 documents, 23 _index.md; 752 words/page, 558 distinct syllables, in ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.code || !strings.HasPrefix(stdout.String(), tt.stdout) || stderr.String() != tt.stderr {
				t.Errorf("run %q = %d\nstdout: %s\nstderr: %s\nwant %d, stdout starting %q, stderr %q",
					tt.args, code, stdout.String(), stderr.String(), tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}
