package serve

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHosts(t *testing.T) {
	h := &handler{hub: newHub()}
	h.current.Store(&snapshot{files: map[string][]byte{"index.html": []byte("Xin chào"), "404.html": []byte("Không có")}})
	local := newHosts("127.0.0.1:1313", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313})
	all := newHosts("0.0.0.0:1313", &net.TCPAddr{IP: net.IPv4zero, Port: 1313})
	named := newHosts("mypc.lan:1313", &net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 1313})
	tests := []struct {
		hosts hosts
		host  string
		want  int
	}{
		{local, "localhost", 200},
		{local, "localhost:1313", 200},
		{local, "LocalHost.:1313", 200},
		{local, "localhost.", 200},
		{local, "ban-nhap.localhost:1313", 200},
		{local, "127.0.0.1:1313", 200},
		{local, "127.0.0.1.:1313", 200},
		{local, "127.8.9.10", 200},
		{local, "[::1]:1313", 200},
		{local, "[::1]", 200},
		{local, "[::ffff:127.0.0.1]:1313", 200},
		{local, "evil.example", 403},
		{local, "evil.example:1313", 403},
		{local, "evil.example.:1313", 403},
		{local, "localhost.evil.example:1313", 403},
		{local, "evillocalhost:1313", 403},
		{local, "127.0.0.1.nip.io:1313", 403},
		{local, "0.0.0.0:1313", 403},
		{local, "192.168.1.5:1313", 403},
		{local, "", 403},
		{hosts{}, "localhost:1313", 200},
		{hosts{}, "evil.example", 403},
		{all, "192.168.1.5:1313", 200},
		{all, "[fe80::1]:1313", 200},
		{all, "localhost:1313", 200},
		{all, "evil.example:1313", 403},
		{named, "mypc.lan:1313", 200},
		{named, "MYPC.LAN.:1313", 200},
		{named, "192.168.1.5:1313", 200},
		{named, "192.168.1.6:1313", 403},
		{named, "evil.example:1313", 403},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			h.hosts = tt.hosts
			for _, path := range []string{"/", "/_loa/reload.js"} {
				r := httptest.NewRequest(http.MethodGet, path, nil)
				r.Host = tt.host
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != tt.want {
					t.Errorf("GET %s with Host %q: %d, want %d", path, tt.host, w.Code, tt.want)
				}
				body := w.Body.String()
				if tt.want == 403 && (strings.Contains(body, "Xin chào") || !strings.Contains(body, "loa serve answers only localhost")) {
					t.Errorf("GET %s with Host %q: body %q", path, tt.host, body)
				}
			}
		})
	}
}

// TestServeHost checks the running server: it answers its own address and
// refuses another name pointed at it.
func TestServeHost(t *testing.T) {
	ts := startSite(t, 0)
	if code, _ := ts.get("/"); code != 200 {
		t.Errorf("GET / on %s: %d", ts.base, code)
	}
	req, _ := http.NewRequest(http.MethodGet, ts.base+"/", nil)
	req.Host = "attacker.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("GET / with Host attacker.example: %d, want 403", resp.StatusCode)
	}
}
