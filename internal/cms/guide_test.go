package cms_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"go.yaml.in/yaml/v3"

	"github.com/loa-vn/loa/internal/browsertest"
	"github.com/loa-vn/loa/internal/cms"
	"github.com/loa-vn/loa/internal/content"
)

var update = flag.Bool("update", false, "remake the screenshots of the editors' guide (HUONG-DAN.md)")

// guideShots is the folder of the guide's screenshots, from the
// repository root and from this package.
const guideShots = "internal/cms/testdata/huong-dan"

// The guide's screenshots are this wide and high, in CSS pixels: readable
// on a phone once scaled down, and small files.
const shotWidth, shotHeight = 1100, 800

// TestGuideScreenshots remakes, with -update, the screenshots of
// HUONG-DAN.md from the real editor of loa serve on a copy of the sample
// portal, driven in Chromium. Without -update it does nothing: the
// screenshots are checked by TestGuideMatchesEditor.
func TestGuideScreenshots(t *testing.T) {
	if !*update {
		t.Skip("run with -update to remake the screenshots")
	}
	dir := t.TempDir()
	for _, d := range []string{"content", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
			t.Fatal(err)
		}
	}
	photo := filepath.Join(t.TempDir(), "hoi-nghi-dan-chu.jpg")
	copyFile(t, "../../static/anh/tin-don-vi/mttq/hiep-thuong-chuong-trinh-giam-sat-phan-bien.jpg", photo)
	pdf := filepath.Join(t.TempDir(), "ke-hoach-12-kh-du.pdf")
	if err := os.WriteFile(pdf, []byte(tinyPDF), 0o644); err != nil {
		t.Fatal(err)
	}
	base := startServe(t, dir)
	browser := browsertest.New(t)
	ctx := browsertest.TabWithin(t, browser, 4*time.Minute)
	if _, err := chromedp.Call(ctx, emulation.SetLocaleOverride, emulation.SetLocaleOverrideParams{Locale: "vi-VN"}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(shotWidth, shotHeight), chromedp.Navigate(base+"/quan-tri/")); err != nil {
		t.Fatal(err)
	}
	s := shooter{t: t, ctx: ctx, dir: dir}
	// A question of the editor ("leave this page?") would block the
	// page: answer yes, and say so.
	if err := chromedp.Listen(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			t.Logf("the editor asks: %s", d.Message)
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}); err != nil {
		t.Fatal(err)
	}
	s.wait("Đăng nhập")
	s.shot("dang-nhap.png")
	s.click("Đăng nhập")
	s.wait("Hỏi - đáp")
	s.shot("danh-sach.png")

	s.open("bai-viet-vi-tri-vai-tro")
	s.fill("Tiêu đề", "Hội nghị lấy ý kiến Nhân dân về dự thảo quy chế")
	s.fill("Tóm tắt", "Ủy ban Mặt trận Tổ quốc thị trấn lấy ý kiến Nhân dân khu phố 2.")
	s.fill("Từ khóa", "giám sát, dân chủ cơ sở")
	s.write("Sáng 12/5, tại nhà văn hóa khu phố 2, Ủy ban Mặt trận Tổ quốc thị trấn tổ chức hội nghị lấy ý kiến Nhân dân.")
	s.show("Tiêu đề")
	s.shot("bai-viet.png")

	s.show("Ảnh đại diện")
	s.click("Chọn một hình")
	s.wait("Tải lên")
	s.upload(photo)
	s.wait("hoi-nghi-dan-chu.jpg")
	s.shot("tai-anh.png")
	s.click("Lấy những cái đã chọn")
	s.fill("Mô tả ảnh", "Người dân khu phố 2 phát biểu ý kiến tại hội nghị")
	s.show("Ảnh đại diện")
	s.shot("anh-dai-dien.png")
	s.publish("content/chu-de/vi-tri-vai-tro/hoi-nghi-lay-y-kien-nhan-dan-ve-du-thao-quy-che.md")

	s.open("hoi-dap")
	s.fill("Tiêu đề", "Người dân góp ý với chính quyền thị trấn bằng cách nào?")
	s.fill("Người hỏi", "Bạn T.L., khu phố 2")
	s.write("Người dân có thể góp ý trực tiếp tại các buổi tiếp xúc cử tri, qua tổ trưởng khu phố, hoặc gửi câu hỏi trên trang này.")
	s.show("Tiêu đề")
	s.shot("hoi-dap.png")
	s.show("Nội dung")
	s.shot("hoi-dap-tra-loi.png")
	s.publish("content/hoi-dap/nguoi-dan-gop-y-voi-chinh-quyen-thi-tran-bang-cach-nao.md")

	s.open("van-ban")
	s.fill("Tiêu đề", "Kế hoạch thực hiện Chỉ thị 18-CT/TW năm 2026")
	s.fill("Số hiệu", "12-KH/ĐU")
	s.fill("Cơ quan ban hành", "Đảng ủy thị trấn")
	s.fill("Người ký", "Nguyễn Văn A")
	s.show("Tệp văn bản")
	s.click("Chọn một tập tin")
	s.wait("Tải lên")
	s.upload(pdf)
	s.wait("ke-hoach-12-kh-du.pdf")
	s.click("Lấy những cái đã chọn")
	s.show("Tệp văn bản")
	s.shot("van-ban.png")
	s.click("Công bố")
	s.wait("Công bố ngay")
	s.shot("cong-bo.png")
}

// shooter drives the editor and takes the screenshots; any failure ends
// the test with the text of the page.
type shooter struct {
	t   *testing.T
	ctx context.Context
	dir string // the site folder
}

func (s shooter) fail(err error) {
	s.t.Helper()
	s.t.Fatalf("%v\npage: %s", err, pageText(s.ctx))
}

// wait waits until text is shown.
func (s shooter) wait(text string) {
	s.t.Helper()
	js := `(t => document.body && document.body.textContent.includes(t) ? 'ok' : 'not yet')`
	if err := s.until("wait for "+text, js, text); err != nil {
		s.fail(err)
	}
}

func (s shooter) click(text string) {
	s.t.Helper()
	if err := s.until("click "+text, clickJS, text); err != nil {
		s.fail(err)
	}
}

func (s shooter) fill(label, text string) {
	s.t.Helper()
	if err := s.until("fill "+label, fillJS, label, text); err != nil {
		s.fail(err)
	}
}

// open opens the new-entry form of collection.
func (s shooter) open(collection string) {
	s.t.Helper()
	if _, err := chromedp.Run(s.ctx, chromedp.Evaluate[string](`location.hash = "#/collections/`+collection+`/new"`)); err != nil {
		s.fail(err)
	}
	s.wait("Tiêu đề")
	// The preview beside the form follows the form's scrolling and would
	// cover half of each screenshot: hide it, as its eye button does.
	hide := `(function() {
		if (!document.querySelector('iframe')) return 'ok';
		const b = document.querySelector('[title="Bật/tắt xem trước"]'); // vi.js's name of Decap's "Toggle preview"
		if (b) b.click();
		return 'preview still shown';
	})`
	if err := s.until("hide the preview", hide); err != nil {
		s.fail(err)
	}
}

// until runs the script js with args until it returns "ok", for at most
// 30 seconds.
func (s shooter) until(what, js string, args ...string) error {
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	return until(ctx, what, func() (string, error) { return call(s.ctx, js, args...) })
}

// write types text into the body (the rich-text box labelled Nội dung).
func (s shooter) write(text string) {
	s.t.Helper()
	js := `(function() {
		const el = document.querySelector('[data-slate-editor]');
		if (!el) return 'no text box';
		el.focus();
		return 'ok';
	})`
	if err := s.until("focus the text", js); err != nil {
		s.fail(err)
	}
	if _, err := chromedp.Call(s.ctx, input.InsertText, input.InsertTextParams{Text: text}); err != nil {
		s.fail(err)
	}
	s.wait(text[:20])
	// Leave the box, or the editor scrolls back to it after a dialog.
	if _, err := call(s.ctx, `(() => { document.activeElement.blur(); return 'ok'; })`); err != nil {
		s.fail(err)
	}
}

// show scrolls the form so that the field labelled label is at the top.
func (s shooter) show(label string) {
	s.t.Helper()
	js := `(function(label) {
		const l = [...document.querySelectorAll('label')].find(l => l.textContent.trim().startsWith(label));
		if (!l) return 'no label ' + label;
		l.scrollIntoView({block: 'start'});
		return 'ok';
	})`
	if err := s.until("show "+label, js, label); err != nil {
		s.fail(err)
	}
}

// upload gives the file to the upload button of the open media library.
func (s shooter) upload(file string) {
	s.t.Helper()
	if err := chromedp.Do(s.ctx, chromedp.SetUploadFiles(`input[type="file"]`, []string{file}, chromedp.NodeReady)); err != nil {
		s.fail(err)
	}
}

// publish publishes the open entry and waits for its file, named from
// the site folder.
func (s shooter) publish(file string) {
	s.t.Helper()
	s.click("Công bố")
	s.click("Công bố ngay")
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	if _, err := waitFile(ctx, filepath.Join(s.dir, filepath.FromSlash(file))); err != nil {
		s.fail(err)
	}
}

// shot writes a screenshot of the window, after the editor settles, to
// the guide's folder.
func (s shooter) shot(name string) {
	s.t.Helper()
	time.Sleep(700 * time.Millisecond) // let animations and lazy images finish
	// The editor's "new" buttons start with a full-width plus (U+FF0B),
	// which the test machine's fonts lack: show it as the plus that
	// editors' computers draw.
	if _, err := call(s.ctx, plusJS); err != nil {
		s.fail(err)
	}
	data, err := chromedp.Run(s.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		s.fail(err)
	}
	data = recompress(s.t, data)
	if err := os.WriteFile(filepath.Join("testdata", "huong-dan", name), data, 0o644); err != nil {
		s.t.Fatal(err)
	}
	s.t.Logf("%s: %d bytes", name, len(data))
}

const plusJS = `(function() {
	const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	while (w.nextNode()) w.currentNode.nodeValue = w.currentNode.nodeValue.replace('\uFF0B', '+');
	return 'ok';
})`

// recompress encodes the PNG again at the best compression.
func recompress(t *testing.T, data []byte) []byte {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if b.Len() < len(data) {
		return b.Bytes()
	}
	return data
}

func copyFile(t *testing.T, from, to string) {
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// tinyPDF is a one-page PDF to attach to a document.
const tinyPDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

// guideImage matches an image of HUONG-DAN.md, guideBold a phrase in
// bold: in the guide, bold is kept for the words the editor shows (field
// labels, buttons, collection names), so that they can be checked.
var (
	guideImage = regexp.MustCompile(`!\[([^\]]*)\]\(([^)\s]+)\)`)
	guideBold  = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	guideCode  = regexp.MustCompile("(?ms)^```.*?^```")
	spaces     = regexp.MustCompile(`\s+`)
)

// TestGuideMatchesEditor keeps HUONG-DAN.md, the editors' guide, true to
// the editor: every image it shows is a screenshot in the guide's folder
// (each screenshot is shown, is a PNG from 1000 to 1280 pixels wide and
// is under 150 KB), and every phrase it puts in bold is a word of the
// editor's screen: a label, hint, choice or collection name of the
// config.yml Loa makes for the sample portal, or a text of the vendored
// editor's Vietnamese messages.
func TestGuideMatchesEditor(t *testing.T) {
	data, err := os.ReadFile("../../HUONG-DAN.md")
	if err != nil {
		t.Fatal(err)
	}
	// The examples of files are not the guide's own text.
	guide := guideCode.ReplaceAll(data, nil)
	shown := map[string]bool{}
	for _, m := range guideImage.FindAllStringSubmatch(string(guide), -1) {
		if m[1] == "" {
			t.Errorf("image %s has no description", m[2])
		}
		if !strings.HasPrefix(m[2], guideShots+"/") {
			t.Errorf("image %s is not in %s", m[2], guideShots)
			continue
		}
		name := strings.TrimPrefix(m[2], guideShots+"/")
		shown[name] = true
		checkShot(t, filepath.Join("testdata", "huong-dan", name))
	}
	entries, _ := os.ReadDir(filepath.Join("testdata", "huong-dan"))
	for _, e := range entries {
		if !shown[e.Name()] {
			t.Errorf("testdata/huong-dan/%s is not shown in HUONG-DAN.md", e.Name())
		}
	}
	if len(shown) < 6 {
		t.Errorf("the guide shows %d screenshots, want at least 6", len(shown))
	}
	screen := editorWords(t)
	bold := guideBold.FindAllStringSubmatch(string(guide), -1)
	for _, m := range bold {
		// "Bài viết: …" names every collection that starts so.
		words := strings.TrimSuffix(spaces.ReplaceAllString(m[1], " "), "…")
		if !strings.Contains(screen, words) {
			t.Errorf("HUONG-DAN.md names **%s**, which the editor does not show", m[1])
		}
	}
	if len(bold) < 20 {
		t.Errorf("the guide names %d words of the editor in bold; want at least 20", len(bold))
	}
}

// checkShot checks that name is a PNG of the guide's size.
func checkShot(t *testing.T, name string) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Errorf("%v (remake the screenshots: go test ./internal/cms/ -run TestGuideScreenshots -update)", err)
		return
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	switch {
	case err != nil || format != "png":
		t.Errorf("%s: not a PNG (%v)", name, err)
	case cfg.Width < 1000 || cfg.Width > 1280:
		t.Errorf("%s is %d pixels wide, want 1000 to 1280", name, cfg.Width)
	case len(data) > 150<<10:
		t.Errorf("%s is %d KB, want at most 150", name, len(data)>>10)
	}
}

// editorWords returns the texts the editor shows for the sample portal:
// its config.yml and the Vietnamese messages of the vendored editor.
func editorWords(t *testing.T) string {
	t.Helper()
	out := sampleEditorFiles(t)
	yml := out[cms.Dir+"/config.yml"]
	var cfg any
	if err := yaml.Unmarshal(yml, &cfg); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	collectStrings(&b, cfg)
	script := string(out[cms.Dir+"/decap-cms.js"])
	// The Vietnamese messages are the object that starts with the
	// login button's text, up to the next locale.
	start := strings.Index(script, `login:"Đăng nhập"`)
	if start < 0 {
		t.Fatal("the vendored editor has no Vietnamese messages")
	}
	end := strings.Index(script[start:], `workflowList:`)
	if end < 0 {
		t.Fatal("cannot find the end of the Vietnamese messages")
	}
	b.WriteString(script[start : start+end])
	// And the phrases and labels Loa adds to them (vi.js).
	b.Write(out[cms.Dir+"/loa-vi.js"])
	// And the page that sets a password, with the login form's
	// placeholders (identity.js).
	b.Write(out[cms.Dir+"/loa-tai-khoan.js"])
	return b.String()
}

// collectStrings writes every string of a decoded YAML value to b, one a
// line.
func collectStrings(b *strings.Builder, v any) {
	switch v := v.(type) {
	case string:
		fmt.Fprintln(b, v)
	case []any:
		for _, x := range v {
			collectStrings(b, x)
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			collectStrings(b, v[k])
		}
	}
}

// sampleEditorFiles returns the editor's files (cms.Files) for the sample
// portal of this repository.
func sampleEditorFiles(t *testing.T) map[string][]byte {
	t.Helper()
	fsys, err := content.OpenSite("../..")
	if err != nil {
		t.Fatal(err)
	}
	files, errs := content.Load(context.Background(), fsys)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	out, err := cms.Files(cms.Config{Files: files}, cms.Vendor())
	if err != nil {
		t.Fatal(err)
	}
	return out
}
