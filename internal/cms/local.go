package cms

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/i18n"

	"github.com/loa-vn/loa/internal/content"
)

// LocalPath is the URL path at which loa serve answers the editor's
// local_backend requests.
const LocalPath = "/" + Dir + "/api/v1"

// maxRequest bounds a request's body: a photo of some megabytes in base64.
const maxRequest = 64 << 20

// Local answers the requests of Decap CMS's local_backend (the protocol
// of the decap-server package) for a site folder, so that loa serve can
// offer the editor without Git or a network. It reads and writes only
// Markdown files under content/ and files under the media folders
// (static/anh, static/tep), through an os.Root of the site folder and
// never through a symbolic link; it answers only same-origin POST
// requests (the caller checks Host: serve answers only its own names);
// and it writes each file to a temporary file renamed over the old one,
// so that an editor's file is never half written. _index.md files, which
// hold the settings of sections, topics and units, are not listed.
// Local is safe for concurrent use.
type Local struct {
	root *os.Root
	name string // the site folder's name, shown by the editor
}

// NewLocal returns a Local for the site folder dir.
func NewLocal(dir string) (*Local, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	abs, _ := os.Getwd()
	if !strings.HasPrefix(dir, "/") {
		dir = path.Join(abs, dir)
	}
	return &Local{root: root, name: path.Base(dir)}, nil
}

// Close releases the site folder.
func (l *Local) Close() error { return l.root.Close() }

// request is one local_backend request: an action and its parameters.
type request struct {
	Action string          `json:"action"`
	Params json.RawMessage `json:"params"`
}

func (l *Local) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		httpError(w, http.StatusMethodNotAllowed, i18n.Sprintf("only POST"))
		return
	}
	if !sameOrigin(r) {
		httpError(w, http.StatusForbidden, i18n.Sprintf("only the editor of this server may write here"))
		return
	}
	var req request
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxRequest)).Decode(&req); err != nil {
		httpError(w, http.StatusBadRequest, i18n.Sprintf("not a JSON request: %v", err))
		return
	}
	res, err := l.do(req)
	if err != nil {
		status := http.StatusInternalServerError
		var pe *pathError
		if errors.As(err, &pe) || errors.Is(err, errAction) {
			status = http.StatusUnprocessableEntity
		}
		httpError(w, status, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(res)
}

// sameOrigin reports whether r comes from a page of the server itself:
// its Origin is this Host, and the browser does not say otherwise.
func sameOrigin(r *http.Request) bool {
	if s := r.Header.Get("Sec-Fetch-Site"); s != "" && s != "same-origin" {
		return false
	}
	o := r.Header.Get("Origin")
	return o != "" && (o == "http://"+r.Host || o == "https://"+r.Host)
}

func httpError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

var errAction = errors.New("unknown action")

func (l *Local) do(req request) (any, error) {
	switch req.Action {
	case "info":
		return map[string]any{"repo": l.name, "publish_modes": []string{"simple"}, "type": "local_fs"}, nil
	case "entriesByFolder":
		var p struct {
			Folder, Extension string
			Depth             int
		}
		return decodeThen(req.Params, &p, func() (any, error) { return l.entriesByFolder(p.Folder, p.Extension, p.Depth) })
	case "entriesByFiles":
		var p struct {
			Files []struct{ Path, Label string }
		}
		return decodeThen(req.Params, &p, func() (any, error) {
			out := []entry{}
			for _, f := range p.Files {
				e, err := l.entry(f.Path)
				if err != nil {
					return nil, err
				}
				e.File.Label = f.Label
				out = append(out, e)
			}
			return out, nil
		})
	case "getEntry":
		var p struct{ Path string }
		return decodeThen(req.Params, &p, func() (any, error) { return l.entry(p.Path) })
	}
	return l.doWrite(req)
}

// doWrite answers the actions that write.
func (l *Local) doWrite(req request) (any, error) {
	switch req.Action {
	case "persistEntry":
		var p persistParams
		return decodeThen(req.Params, &p, func() (any, error) { return l.persistEntry(p) })
	case "getMedia":
		var p struct{ MediaFolder string }
		return decodeThen(req.Params, &p, func() (any, error) { return l.media(p.MediaFolder) })
	case "getMediaFile":
		var p struct{ Path string }
		return decodeThen(req.Params, &p, func() (any, error) { return l.mediaFile(p.Path) })
	case "persistMedia":
		var p struct{ Asset asset }
		return decodeThen(req.Params, &p, func() (any, error) {
			if err := l.writeAsset(p.Asset); err != nil {
				return nil, err
			}
			return l.mediaFile(p.Asset.Path)
		})
	case "deleteFile":
		var p struct{ Path string }
		return decodeThen(req.Params, &p, func() (any, error) { return message("deleted", l.remove(p.Path)) })
	case "deleteFiles":
		var p struct{ Paths []string }
		return decodeThen(req.Params, &p, func() (any, error) {
			for _, name := range p.Paths {
				if err := l.remove(name); err != nil {
					return nil, err
				}
			}
			return message("deleted", nil)
		})
	case "getDeployPreview":
		return nil, nil
	}
	return nil, fmt.Errorf("%w %q", errAction, req.Action)
}

func decodeThen(raw json.RawMessage, p any, then func() (any, error)) (any, error) {
	if err := json.Unmarshal(raw, p); err != nil {
		return nil, fmt.Errorf("%w: parameters: %v", errAction, err)
	}
	return then()
}

func message(msg string, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return map[string]string{"message": msg}, nil
}

// entry is a file as the editor reads it.
type entry struct {
	Data *string `json:"data"`
	File struct {
		Path  string  `json:"path"`
		Label string  `json:"label,omitempty"`
		ID    *string `json:"id"`
	} `json:"file"`
}

func (l *Local) entry(name string) (entry, error) {
	var e entry
	e.File.Path = name
	if err := checkPath(name, entryFile); err != nil {
		return e, err
	}
	data, err := l.read(name)
	if errors.Is(err, fs.ErrNotExist) {
		return e, nil // the editor asks for files that may not exist yet
	}
	if err != nil {
		return e, err
	}
	s, id := string(data), sum(data)
	e.Data, e.File.ID = &s, &id
	return e, nil
}

func sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// entriesByFolder lists the entries of a folder of content/ down to depth
// levels, but _index.md files.
func (l *Local) entriesByFolder(folder, ext string, depth int) ([]entry, error) {
	if err := checkPath(folder, entryFolder); err != nil {
		return nil, err
	}
	out := []entry{}
	names, err := l.list(folder, max(depth, 1))
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if !strings.HasSuffix(name, "."+strings.TrimPrefix(ext, ".")) || path.Base(name) == "_index.md" {
			continue
		}
		e, err := l.entry(name)
		if err != nil {
			continue
		}
		out = append(out, e)
	}
	return out, nil
}

// list returns the regular files under dir, down to depth levels, that
// content does not ignore.
func (l *Local) list(dir string, depth int) ([]string, error) {
	ents, err := fs.ReadDir(l.root.FS(), dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		name := path.Join(dir, e.Name())
		switch {
		case content.Ignored(e.Name()):
		case e.IsDir() && depth > 1:
			sub, err := l.list(name, depth-1)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
		case e.Type().IsRegular():
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out, nil
}
