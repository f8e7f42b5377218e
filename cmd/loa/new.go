package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/vntext"
)

// newKinds maps a KIND argument to its folder under content/.
var newKinds = map[string]string{
	"article":  content.SectionTopics,
	"qa":       content.SectionQA,
	"news":     content.SectionUnits,
	"document": content.SectionDocuments,
	"page":     "",
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loa new", flag.ContinueOnError)
	source := fs.String("source", ".", i18n.Sprintf("site folder holding content/"))
	topic := fs.String("topic", "", i18n.Sprintf("topic folder of an article (or the topic of a Q&A item)"))
	unit := fs.String("unit", "", i18n.Sprintf("unit folder of a news item"))
	synopsis := i18n.Sprintf("loa new [-source DIR] [-topic T | -unit U] KIND \"Tiêu đề\", or loa new site DIR\nKIND is article (needs -topic), qa, news (needs -unit), document or page.")
	rest, ok, code := parseArgs(fs, args, 2, synopsis, stdout, stderr)
	if !ok {
		return code
	}
	if len(rest) == 2 && rest[0] == "site" {
		return newSite(rest[1], stdout, stderr)
	}
	if len(rest) != 2 {
		return usageError(stderr, "loa new", i18n.Sprintf("give KIND and a title, as in loa new -topic T article \"Tiêu đề\"; KIND is article (needs -topic), qa, news (needs -unit), document or page"))
	}
	kind, title := rest[0], strings.TrimSpace(vntext.NFC(rest[1]))
	section, ok := newKinds[kind]
	if !ok {
		return usageError(stderr, "loa new", unknownKind(kind))
	}
	slug := vntext.Slug(title)
	if slug == "" {
		return usageError(stderr, "loa new", i18n.Sprintf("the title %q has no letter or digit to name the file after", title))
	}
	if err := checkSource(*source); err != nil {
		return usageError(stderr, "loa new", err.Error())
	}
	dir := filepath.Join(*source, "content", section)
	switch kind {
	case "article", "news":
		group, flagName := *topic, "-topic"
		if kind == "news" {
			group, flagName = *unit, "-unit"
		}
		groups := folders(dir)
		if !slices.Contains(groups, group) {
			return usageError(stderr, "loa new", i18n.Sprintf("%s needs %s, one of: %s", kind, flagName, strings.Join(groups, ", ")))
		}
		dir = filepath.Join(dir, group)
	}
	name := filepath.Join(dir, slug+".md")
	if code := createNew(name, scaffold(kind, title, *topic), stderr); code != exitOK {
		return code
	}
	fmt.Fprintln(stdout, name)
	return exitOK
}

// unknownKind says that kind is not a KIND of loa new, with the nearest
// one when it looks mistyped.
func unknownKind(kind string) string {
	if near := closest(kind, append(slices.Sorted(maps.Keys(newKinds)), "site")); near != "" {
		return i18n.Sprintf("unknown kind %q; did you mean %s? KIND is article, qa, news, document or page", kind, near)
	}
	return i18n.Sprintf("unknown kind %q; use article, qa, news, document or page", kind)
}

// createNew writes text to the new file name, never over an existing one.
func createNew(name, text string, stderr io.Writer) int {
	if _, err := os.Stat(name); err == nil {
		i18n.Fprintf(stderr, "loa new: %s already exists; choose another title or edit that file\n", name)
		return exitContent
	}
	err := os.MkdirAll(filepath.Dir(name), 0o755)
	if err == nil {
		var f *os.File
		if f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
			_, err = f.WriteString(text)
			err = errors.Join(err, f.Close())
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "loa new:", err)
		return exitContent
	}
	return exitOK
}

// folders lists the sub-folders of dir that hold an _index.md.
func folders(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(dir, e.Name(), "_index.md")); e.IsDir() && err == nil {
			out = append(out, e.Name())
		}
	}
	return out
}

// scaffold returns the text of a new file: valid front matter with
// today's date and draft: true.
func scaffold(kind, title, topic string) string {
	today := now().In(vntext.Zone).Format("2006-01-02")
	q := func(s string) string {
		return "\"" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + "\""
	}
	var b strings.Builder
	b.WriteString("---\ntitle: " + q(title) + "\n")
	switch kind {
	case "document":
		b.WriteString("number: \"\"\ntype: \"\"\nissuer: \"\"\nissued: " + today + "\nsummary: \"\"\n")
	default:
		b.WriteString("date: " + today + "\nsummary: \"\"\ntags: []\n")
	}
	if kind == "qa" && topic != "" {
		b.WriteString("topic: " + topic + "\n")
	}
	b.WriteString("draft: true\n---\n\n")
	if kind == "qa" {
		b.WriteString("Viết câu trả lời ở đây.\n")
	} else {
		b.WriteString("Viết nội dung ở đây.\n")
	}
	return b.String()
}
