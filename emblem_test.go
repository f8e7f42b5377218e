package loa

import (
	"bytes"
	"encoding/base64"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa/internal/browsertest"
	"github.com/loa-vn/loa/internal/images"
	"github.com/loa-vn/loa/internal/site"
)

var update = flag.Bool("update", false, "render the theme's emblem icons (static/img/emblem-N.png) anew")

// TestEmblemIcons checks that the theme's PNG icons, static/img/emblem-N.png,
// are its SVG mark as Chromium draws it, laid out as the icons Loa makes of
// a PNG emblem are (images.Config.Icon: the whole mark on white, within a
// margin), so that they cannot drift from emblem.svg. With -update it
// renders them anew.
func TestEmblemIcons(t *testing.T) {
	svg, err := os.ReadFile("static/img/emblem.svg")
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.Tab(t, browsertest.New(t))
	for _, size := range site.IconSizes {
		m := images.IconMargin(size)
		page := fmt.Sprintf(`<!doctype html><body style="margin:0;background:#fff"><img alt="" style="position:absolute;left:%dpx;top:%dpx;width:%dpx;height:%dpx" src="data:image/svg+xml;base64,%s">`,
			m, m, size-2*m, size-2*m, base64.StdEncoding.EncodeToString(svg))
		err := chromedp.Do(ctx,
			chromedp.EmulateViewport(int64(size), int64(size), chromedp.EmulateScale(1)),
			chromedp.Navigate("data:text/html;base64,"+base64.StdEncoding.EncodeToString([]byte(page))),
			chromedp.WaitReady("img"))
		if err != nil {
			t.Fatal(err)
		}
		shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		file := fmt.Sprintf("static/img/emblem-%d.png", size)
		if *update {
			if err := os.WriteFile(file, shot, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (go test -run TestEmblemIcons -update renders it)", err)
		}
		if d := meanDiff(t, shot, want); d > 2 {
			t.Errorf("%s differs from emblem.svg drawn at %d×%d by %.1f per channel on average: go test -run TestEmblemIcons -update renders it anew", file, size, size, d)
		}
	}
}

// meanDiff returns the mean absolute difference per 8-bit channel of two
// PNG images of one size.
func meanDiff(t *testing.T, a, b []byte) float64 {
	t.Helper()
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if ia.Bounds() != ib.Bounds() {
		t.Fatalf("sizes differ: %v and %v", ia.Bounds(), ib.Bounds())
	}
	var sum, n float64
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			pa, pb := channels(ia, x, y), channels(ib, x, y)
			for i := range pa {
				sum += float64(max(pa[i], pb[i]) - min(pa[i], pb[i]))
				n++
			}
		}
	}
	return sum / n
}

func channels(img image.Image, x, y int) [4]uint32 {
	r, g, b, a := img.At(x, y).RGBA()
	return [4]uint32{r >> 8, g >> 8, b >> 8, a >> 8}
}
