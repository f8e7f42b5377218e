package cms_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa/internal/browsertest"
)

// fakeGoTrue answers the calls of Netlify Identity's GoTrue API that the
// password page makes, as gotrue's api/verify.go and api/user.go do, and
// keeps them ("POST /verify {…}", "PUT /user Bearer at-1 {…}").
type fakeGoTrue struct {
	mu    sync.Mutex
	calls []string
}

func (g *fakeGoTrue) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	call := r.Method + " " + strings.TrimPrefix(r.URL.Path, "/.netlify/identity")
	if a := r.Header.Get("Authorization"); a != "" {
		call += " " + a
	}
	g.mu.Lock()
	g.calls = append(g.calls, call+" "+string(body))
	g.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	var in struct{ Token string }
	json.Unmarshal(body, &in)
	switch {
	case call == "GET /settings":
		io.WriteString(w, `{"external":{},"disable_signup":true,"autoconfirm":false}`)
	case strings.HasPrefix(call, "POST /verify") && in.Token == "het-han":
		w.WriteHeader(http.StatusUnprocessableEntity)
		io.WriteString(w, `{"code":422,"msg":"Confirmation token expired"}`)
	case strings.HasPrefix(call, "POST /verify"):
		io.WriteString(w, `{"access_token":"at-1","token_type":"bearer","expires_in":3600,"refresh_token":"rt-1"}`)
	case strings.HasPrefix(call, "PUT /user Bearer at-1"):
		io.WriteString(w, `{"id":"u1","email":"a@example.org"}`)
	default:
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"code":404,"msg":"not found"}`)
	}
}

// take returns the calls so far and forgets them.
func (g *fakeGoTrue) take() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	c := g.calls
	g.calls = nil
	return c
}

// serveEditor serves the editor's files with the CSP of netlify.toml for
// /quan-tri/*, and g at /.netlify/identity/.
func serveEditor(t *testing.T, g http.Handler) string {
	t.Helper()
	out := sampleEditorFiles(t)
	site := fstest.MapFS{}
	for name, data := range out {
		site[name] = &fstest.MapFile{Data: data}
	}
	csp := editorCSP(t)
	server := http.FileServerFS(site)
	mux := http.NewServeMux()
	mux.Handle("/.netlify/identity/", g)
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		server.ServeHTTP(w, r)
	}))
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s.URL
}

// setPasswordJS fills in the two password fields by their labels and
// submits the form.
const setPasswordJS = `(function(password) {
	const field = label => {
		const l = [...document.querySelectorAll('label')].find(l => l.textContent.trim() === label);
		return l && document.getElementById(l.htmlFor);
	};
	const a = field("Mật khẩu mới"), b = field("Nhập lại mật khẩu");
	if (!a || !b) return 'no form: ' + document.body.innerText.slice(0, 300);
	a.value = password;
	b.value = password;
	a.form.requestSubmit();
	return 'ok';
})`

// decapLoginJS reports "ok" once the link's hash is gone and Decap's own
// login form shows, with an e-mail and a password field, their
// placeholders in Vietnamese.
const decapLoginJS = `(function() {
	if (location.hash !== '') return 'hash ' + location.hash;
	const email = document.querySelector('input[name=email]'), password = document.querySelector('input[name=password][type=password]');
	if (!email || !password) return 'no login form: ' + document.body.innerText.slice(0, 300);
	if (email.placeholder !== 'Địa chỉ thư điện tử' || password.placeholder !== 'Mật khẩu') return 'placeholders ' + email.placeholder + ', ' + password.placeholder;
	return 'ok';
})()`

// TestSetPassword opens the links of Netlify Identity's e-mails, as the
// templates of quan-tri/thu/ write them, in Chromium under the editor's
// CSP, against a fake GoTrue: the invitation and the recovery link let
// the editor set a password with exactly GoTrue's calls and then show
// Decap's login form; a spent link says so in Vietnamese.
func TestSetPassword(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	g := &fakeGoTrue{}
	base := serveEditor(t, g)
	browser := browsertest.New(t)
	ctx := browsertest.TabWithin(t, browser, 2*time.Minute)
	rec := browsertest.Record(t, ctx)
	cases := []struct {
		hash, status string
		calls        []string
	}{
		{"#invite_token=abc", "Đã đặt mật khẩu. Hãy đăng nhập bằng địa chỉ thư điện tử và mật khẩu vừa đặt.",
			[]string{`POST /verify {"type":"signup","token":"abc","password":"mat-khau-moi"}`}},
		{"#recovery_token=r1", "Đã đặt mật khẩu. Hãy đăng nhập bằng địa chỉ thư điện tử và mật khẩu vừa đặt.",
			[]string{`POST /verify {"type":"recovery","token":"r1"}`, `PUT /user Bearer at-1 {"password":"mat-khau-moi"}`}},
		{"#invite_token=het-han", "Đường dẫn đã hết hạn hoặc đã dùng; hãy nhờ người quản trị gửi lại thư mời.",
			[]string{`POST /verify {"type":"signup","token":"het-han","password":"mat-khau-moi"}`}},
	}
	for _, c := range cases {
		// A new page each time: a change of hash alone would not load it.
		if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Navigate(base+"/quan-tri/"+c.hash)); err != nil {
			t.Fatal(err)
		}
		if err := until(ctx, "the form of "+c.hash, func() (string, error) { return call(ctx, setPasswordJS, "mat-khau-moi") }); err != nil {
			t.Fatal(err)
		}
		if err := until(ctx, "the message of "+c.hash, func() (string, error) {
			return chromedp.Run(ctx, chromedp.Evaluate[string](`(function(want) {
				const s = document.querySelector('[role=alert]');
				return s && s.textContent === want ? 'ok' : 'shows ' + (s ? s.textContent : 'no message');
			})(`+jsString(c.status)+`)`))
		}); err != nil {
			t.Errorf("%v", err)
		}
		if c.hash != "#invite_token=het-han" {
			if err := until(ctx, "Decap's login form after "+c.hash, func() (string, error) {
				return chromedp.Run(ctx, chromedp.Evaluate[string](decapLoginJS))
			}); err != nil {
				t.Errorf("%v", err)
			}
		}
		var calls []string
		for _, call := range g.take() {
			if !strings.HasPrefix(call, "GET /settings") {
				calls = append(calls, call)
			}
		}
		if strings.Join(calls, "\n") != strings.Join(c.calls, "\n") {
			t.Errorf("%s: GoTrue got\n%s\nwant\n%s", c.hash, strings.Join(calls, "\n"), strings.Join(c.calls, "\n"))
		}
	}
	rec.Check(t, "422") // no CSP violation, no script error
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
