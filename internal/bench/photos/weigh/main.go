// Command weigh adds up the bytes of images a phone downloads for a page
// of a built site: for each <picture> (or <img> with srcset) the
// candidate a browser picks for a viewport of -width CSS pixels at
// -dpr device pixels per CSS pixel, from the first <source> (WebP); for
// a plain <img>, its src. It reads the sizes attribute in the forms the
// theme writes: "(min-width: Xrem) Yrem, …", "calc(100vw - Zrem)", "Nrem",
// "Nvw".
//
//	go run ./internal/bench/photos/weigh -out public [-width 360] [-dpr 2] [-v] PAGE...
//
// PAGE is a file of the output, e.g. index.html. Lazy images count too:
// a reader who scrolls the whole page gets them all.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

var (
	pictureRE = regexp.MustCompile(`(?s)<picture>(.*?)</picture>|<img\s[^>]*>`)
	srcsetRE  = regexp.MustCompile(`srcset="([^"]+)"`)
	sizesRE   = regexp.MustCompile(`sizes="([^"]+)"`)
	srcRE     = regexp.MustCompile(`\ssrc="?([^"\s>]+)`)
)

func main() {
	out := flag.String("out", "public", "built site")
	width := flag.Float64("width", 360, "viewport width in CSS pixels")
	dpr := flag.Float64("dpr", 2, "device pixel ratio")
	base := flag.String("base", "/", "base path of the site's URLs")
	verbose := flag.Bool("v", false, "print each image picked and its size")
	flag.Parse()
	total := 0
	for _, page := range flag.Args() {
		html, err := os.ReadFile(filepath.Join(*out, page))
		if err != nil {
			fmt.Fprintln(os.Stderr, "weigh:", err)
			os.Exit(1)
		}
		n, bytes := 0, 0
		for _, m := range pictureRE.FindAllString(string(html), -1) {
			u := pick(m, *width, *dpr)
			if u == "" || strings.HasSuffix(u, ".svg") {
				continue
			}
			info, err := os.Stat(filepath.Join(*out, strings.TrimPrefix(u, *base)))
			if err != nil {
				fmt.Fprintln(os.Stderr, "weigh:", err)
				os.Exit(1)
			}
			n++
			bytes += int(info.Size())
			if *verbose {
				fmt.Printf("  %s %.1f KB\n", u, float64(info.Size())/1024)
			}
		}
		fmt.Printf("%s: %d images, %.1f KB at %.0f px, DPR %.1f\n", page, n, float64(bytes)/1024, *width, *dpr)
		total += bytes
	}
	fmt.Printf("total: %.1f KB\n", float64(total)/1024)
}

// pick returns the URL a browser loads for one picture or img.
func pick(tag string, width, dpr float64) string {
	set := srcsetRE.FindStringSubmatch(tag)
	if set == nil {
		if m := srcRE.FindStringSubmatch(tag); m != nil {
			return m[1]
		}
		return ""
	}
	need := slot(tag, width) * dpr
	best, bestW := "", math.Inf(1)
	largest, largestW := "", 0.0
	for _, c := range strings.Split(set[1], ", ") {
		u, w, _ := strings.Cut(strings.TrimSpace(c), " ")
		cw, _ := strconv.ParseFloat(strings.TrimSuffix(w, "w"), 64)
		if cw >= need && cw < bestW {
			best, bestW = u, cw
		}
		if cw > largestW {
			largest, largestW = u, cw
		}
	}
	if best == "" {
		return largest
	}
	return best
}

// slot evaluates the sizes attribute for a viewport width (16 px a rem).
func slot(tag string, width float64) float64 {
	m := sizesRE.FindStringSubmatch(tag)
	if m == nil {
		return width
	}
	for _, part := range strings.Split(m[1], ",") {
		part = strings.TrimSpace(part)
		if strings.HasPrefix(part, "(min-width:") {
			cond, size, _ := strings.Cut(part, ")")
			min := length(strings.TrimSpace(strings.TrimPrefix(cond, "(min-width:")), width)
			if width >= min {
				return length(strings.TrimSpace(size), width)
			}
			continue
		}
		return length(part, width)
	}
	return width
}

func length(s string, vw float64) float64 {
	switch {
	case strings.HasPrefix(s, "calc(100vw - "):
		return vw - length(strings.TrimSuffix(strings.TrimPrefix(s, "calc(100vw - "), ")"), vw)
	case strings.HasSuffix(s, "rem"):
		v, _ := strconv.ParseFloat(strings.TrimSuffix(s, "rem"), 64)
		return v * 16
	case strings.HasSuffix(s, "vw"):
		v, _ := strconv.ParseFloat(strings.TrimSuffix(s, "vw"), 64)
		return v * vw / 100
	case strings.HasSuffix(s, "px"):
		v, _ := strconv.ParseFloat(strings.TrimSuffix(s, "px"), 64)
		return v
	}
	return vw
}
