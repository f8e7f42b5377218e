package build

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color/palette"
	"image/gif"
	"maps"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/loa-vn/loa/internal/bench/photos"
	"github.com/loa-vn/loa/internal/images"
	"github.com/loa-vn/loa/internal/output"
)

var (
	imgTag     = regexp.MustCompile(`<img\s[^>]*>`)
	srcsetAttr = regexp.MustCompile(`srcset="?([^">]+)"?`)
	// imgAttrs must be on every <img>; minified, an empty alt is a bare alt.
	imgAttrs = []*regexp.Regexp{regexp.MustCompile(`\swidth="?\d`), regexp.MustCompile(`\sheight="?\d`), regexp.MustCompile(`\salt[=\s>]`)}
	ogImage  = regexp.MustCompile(`<meta property="og:image" content="?([^">\s]+)"?>`)
)

// metadataMarkers are byte strings no published image may hold: an EXIF
// header, the GPS pointer tag of the test photos, their camera's make.
var metadataMarkers = [][]byte{[]byte("Exif\x00"), photos.GPSMarker, []byte("LoaPhone")}

// TestSamplePhotos checks the photos of the built sample portal: every
// <img> has width, height and alt; every file of a srcset exists and has
// the width it states; no image holds EXIF or GPS data; the originals,
// which no page links to, are not published; an item with a photo shares
// it as a 1200×630 card.
func TestSamplePhotos(t *testing.T) {
	res, files := buildSample(t, "https://example.org/portal/")
	imgs, srcs := 0, 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, tag := range imgTag.FindAll(data, -1) {
			imgs++
			for _, attr := range imgAttrs {
				if !attr.Match(tag) {
					t.Errorf("%s: %s has no %s", name, tag, attr)
				}
			}
		}
		for _, m := range srcsetAttr.FindAllSubmatch(data, -1) {
			for _, c := range strings.Split(string(m[1]), ", ") {
				srcs++
				checkCandidate(t, name, c, files)
			}
		}
	}
	if imgs < 50 || srcs < 200 {
		t.Errorf("only %d <img> and %d srcset candidates: the sample portal should show its photos", imgs, srcs)
	}
	for name, data := range files {
		if images.IsImageName(name) {
			for _, m := range metadataMarkers {
				if bytes.Contains(data, m) {
					t.Errorf("%s holds %q", name, m)
				}
			}
		}
		if strings.HasPrefix(name, "anh/") && strings.Count(name, ".") == 1 {
			t.Errorf("%s: the original photo is published, though no page links to it", name)
		}
	}
	page := files["tin-don-vi/mttq/hoi-nghi-quan-triet-chi-thi-18/index.html"]
	og := ogImage.FindSubmatch(page)
	if og == nil || !strings.HasSuffix(string(og[1]), ".og.jpg") {
		t.Fatalf("the news item with a photo shares %q, want its photo's card", og)
	}
	card := files[strings.TrimPrefix(string(og[1]), "https://example.org/portal/")]
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(card)); err != nil || cfg.Width != 1200 || cfg.Height != 630 {
		t.Errorf("share card %s: %+v, %v; want a 1200×630 image", og[1], cfg, err)
	}
	_ = res
}

// checkCandidate checks one srcset candidate ("/portal/a.720.webp 720w").
func checkCandidate(t *testing.T, page, c string, files map[string][]byte) {
	t.Helper()
	u, w, ok := strings.Cut(strings.TrimSpace(c), " ")
	want, err := strconv.Atoi(strings.TrimSuffix(w, "w"))
	if !ok || err != nil {
		t.Errorf("%s: srcset candidate %q", page, c)
		return
	}
	data, ok := files[strings.TrimPrefix(u, "/portal/")]
	if !ok {
		t.Errorf("%s: srcset file %s is not in the output", page, u)
		return
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width != want {
		t.Errorf("%s: %s is %d pixels wide (%v), srcset says %d", page, u, cfg.Width, err, want)
	}
}

// photoSite returns a site with a photo (turned by EXIF, with GPS) that
// an article shows.
func photoSite(t *testing.T, photo []byte, extra string) fstest.MapFS {
	t.Helper()
	return namedPhotoSite("anh/hop.jpg", photo, extra)
}

// namedPhotoSite returns a site with a photo under static/name that an
// article shows in front matter and another in its body.
func namedPhotoSite(name string, photo []byte, extra string) fstest.MapFS {
	return fstest.MapFS{
		"content/_index.md":            {Data: []byte("---\ntitle: \"Thử\"\n---\n")},
		"content/chu-de/t/_index.md":   {Data: []byte("---\ntitle: \"Chủ đề\"\n---\n")},
		"content/chu-de/t/bai.md":      {Data: []byte("---\ntitle: \"Bài có ảnh\"\ndate: 2024-01-02\nimage: " + name + "\nalt: \"Hội nghị\"\n---\nNội dung.\n" + extra)},
		"static/" + name:               {Data: photo},
		"content/chu-de/t/bai-khac.md": {Data: []byte("---\ntitle: \"Bài khác\"\ndate: 2024-01-03\n---\n![Hội nghị](/" + name + ")\n")},
	}
}

// TestLinkedOriginal checks that an original a page links to is
// published, without its GPS position, camera or date, still upright.
func TestLinkedOriginal(t *testing.T) {
	photo, err := photos.PhoneJPEG(photos.Scene(9, 400, 300), 85, 6, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, extra string
		published   bool
	}{
		{"shown only", "", false},
		{"linked", "\n[Tải ảnh gốc](/anh/hop.jpg)\n", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mem := output.NewMemory()
			if _, err := Build(context.Background(), Config{Site: photoSite(t, photo, tt.extra), Theme: os.DirFS("../.."), Now: testNow}, mem); err != nil {
				t.Fatal(err)
			}
			got, ok := mem.Files()["anh/hop.jpg"]
			if ok != tt.published {
				t.Fatalf("original published: %v, want %v", ok, tt.published)
			}
			if !ok {
				return
			}
			for _, m := range metadataMarkers[1:] {
				if bytes.Contains(got, m) {
					t.Errorf("the published original holds %q", m)
				}
			}
			info, err := images.Inspect(got, 0)
			if err != nil || info.Orientation != 6 || info.Width != 400 {
				t.Errorf("the published original: %+v, %v; want it shown upright at 400×300", info, err)
			}
		})
	}
}

// TestWebPAndGIFSources checks photos saved as WebP or GIF, with EXIF
// or XMP holding a GPS position: a WebP a page shows gets its variants
// and a <picture>, and is published only when linked, without its
// metadata; a GIF is shown as it is, without its comment and XMP.
func TestWebPAndGIFSources(t *testing.T) {
	webp, err := photos.PhoneWebP(photos.Scene(9, 400, 300), 80, true)
	if err != nil {
		t.Fatal(err)
	}
	plainGIF, metaGIF, err := photos.MetadataGIF(&gif.GIF{Image: []*image.Paletted{image.NewPaletted(image.Rect(0, 0, 40, 30), palette.Plan9)}, Delay: []int{0}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, file, extra string
		photo             []byte
		published         bool
		picture           bool   // pages show it resized
		want              []byte // the published file, when known
	}{
		{"WebP shown", "anh/hop.webp", "", webp, false, true, nil},
		{"WebP linked", "anh/hop.webp", "\n[Tải ảnh gốc](/anh/hop.webp)\n", webp, true, true, nil},
		{"GIF shown", "anh/hop.gif", "", metaGIF, true, false, plainGIF},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mem := output.NewMemory()
			if _, err := Build(context.Background(), Config{Site: namedPhotoSite(tt.file, tt.photo, tt.extra), Theme: os.DirFS("../.."), Now: testNow}, mem); err != nil {
				t.Fatal(err)
			}
			files := mem.Files()
			for name, data := range files {
				if images.IsImageName(name) && (bytes.Contains(data, photos.GPSMarker) || bytes.Contains(data, photos.XMPMarker) || bytes.Contains(data, []byte("LoaPhone"))) {
					t.Errorf("%s holds GPS data or the camera's name", name)
				}
			}
			got, ok := files[tt.file]
			if ok != tt.published {
				t.Fatalf("original published: %v, want %v", ok, tt.published)
			}
			if tt.want != nil && !bytes.Equal(got, tt.want) {
				t.Errorf("published %d bytes, want the %d of the file without its metadata", len(got), len(tt.want))
			}
			if info, err := images.Inspect(got, 0); ok && (err != nil || info.Width != 400 && info.Width != 40) {
				t.Errorf("the published original: %+v, %v", info, err)
			}
			page := string(files["chu-de/t/bai-khac/index.html"])
			pictured := regexp.MustCompile(`<picture>.*?srcset="?/anh/hop\.[0-9a-f]{10}\.360\.webp 360w`).MatchString(page)
			if pictured != tt.picture {
				t.Errorf("the page shows a <picture> with variants: %v, want %v:\n%s", pictured, tt.picture, imgTag.FindAllString(page, -1))
			}
			if !tt.picture && !strings.Contains(page, `src="/`+tt.file+`"`) && !strings.Contains(page, `src=/`+tt.file) {
				t.Errorf("the page does not show /%s", tt.file)
			}
		})
	}
}

// TestBadPhotos checks the errors of photos that cannot be used: each
// names the file and says what is wrong, and nothing is built.
func TestBadPhotos(t *testing.T) {
	good, _ := photos.PhoneJPEG(photos.Scene(2, 320, 240), 85, 1, false)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not an image", []byte("<!doctype html>"), "static/anh/hop.jpg: is not a JPEG, PNG, WebP or GIF image (its first bytes are those of no image format); replace it with a JPEG or PNG photo, or remove it"},
		{"truncated", good[:len(good)*2/3], "static/anh/hop.jpg: is cut short: the file ends in the middle of the image (truncated); replace it with a JPEG or PNG photo, or remove it"},
		{"decompression bomb", pngHeader(20000, 20000), "static/anh/hop.jpg: is 20000×20000 pixels, over the limit of 64 megapixels; make it smaller (a web page needs at most 1600 pixels across); replace it with a JPEG or PNG photo, or remove it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(context.Background(), Config{Site: photoSite(t, tt.data, ""), Theme: os.DirFS("../.."), Now: testNow, Cache: images.Discard{}}, output.Discard{})
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// pngHeader returns the start of a PNG that claims w×h pixels.
func pngHeader(w, h uint32) []byte {
	chunk := []byte{'I', 'H', 'D', 'R', byte(w >> 24), byte(w >> 16), byte(w >> 8), byte(w), byte(h >> 24), byte(h >> 16), byte(h >> 8), byte(h), 8, 2, 0, 0, 0}
	b := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d"), chunk...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(chunk))
}

// countingCache is a cache that counts what a build puts in it: every
// variant made and every card drawn is put.
type countingCache struct {
	images.Memory
	mu   sync.Mutex
	puts int
}

func (c *countingCache) Put(key string, data []byte) error {
	c.mu.Lock()
	c.puts++
	c.mu.Unlock()
	return c.Memory.Put(key, data)
}

// TestPhonePhotoAndWarmCache builds a site with one photo as a phone
// takes it (4000×3000, turned by EXIF orientation 6, with GPS), twice
// with one cache. The first build makes variants no wider than 1600
// pixels, upright (portrait), without metadata, and does not publish the
// original; the second, a new Builder as a new loa run, decodes no photo
// and draws no card (it puts nothing in the cache) and writes the same
// files.
func TestPhonePhotoAndWarmCache(t *testing.T) {
	if testing.Short() {
		t.Skip("encodes a 12-megapixel photo")
	}
	photo, err := photos.PhoneJPEG(photos.Store(photos.Scene(11, 4000, 3000), 6), 90, 6, true)
	if err != nil {
		t.Fatal(err)
	}
	cache := &countingCache{}
	build := func() map[string][]byte {
		mem := output.NewMemory()
		cfg := Config{Site: photoSite(t, photo, ""), Theme: os.DirFS("../.."), BaseURL: "https://example.org/", Now: testNow, Cache: cache}
		if _, err := Build(context.Background(), cfg, mem); err != nil {
			t.Fatal(err)
		}
		return mem.Files()
	}
	first := build()
	made := cache.puts
	if _, ok := first["anh/hop.jpg"]; ok {
		t.Error("the original is published though no page links to it")
	}
	variants := 0
	for name, data := range first {
		if !strings.HasPrefix(name, "anh/hop.") || strings.Contains(name, ".og.") {
			continue
		}
		variants++
		for _, m := range metadataMarkers {
			if bytes.Contains(data, m) {
				t.Errorf("%s holds %q", name, m)
			}
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if cfg.Width > 1600 || cfg.Height <= cfg.Width {
			t.Errorf("%s is %d×%d, want portrait and at most 1600 wide", name, cfg.Width, cfg.Height)
		}
	}
	if variants < 6 || made < variants {
		t.Errorf("%d variants, %d cache entries made; want WebP and JPEG at three widths or more", variants, made)
	}
	second := build()
	if cache.puts != made {
		t.Errorf("the build with a warm cache made %d images or cards again", cache.puts-made)
	}
	if !maps.EqualFunc(first, second, bytes.Equal) {
		t.Error("the build with a warm cache wrote other files")
	}
}

// TestSampleLeadPhoto checks that the sample home page leads with its
// featured item large, with its photo, loaded first.
func TestSampleLeadPhoto(t *testing.T) {
	_, files := buildSample(t, "https://example.org/")
	home := string(files["index.html"])
	start := strings.Index(home, "<article class=lead-story>")
	end := strings.Index(home[max(start, 0):], "</article>")
	if start < 0 || end < 0 {
		t.Fatal("the home page has no lead story")
	}
	lead := home[start : start+end]
	if !strings.Contains(lead, "<figure class=hero><picture>") || !regexp.MustCompile(`fetchpriority="?high`).MatchString(lead) || regexp.MustCompile(`loading="?lazy`).MatchString(lead) {
		t.Errorf("the lead story has no eager photo:\n%s", lead)
	}
}
