package images

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path"
	"sync"
)

// Cache keeps made images between builds, by a key that covers the
// source bytes and the settings. Implementations must be safe for
// concurrent use.
type Cache interface {
	Get(key string) ([]byte, bool)
	Put(key string, data []byte) error
}

// Dir is a Cache in a folder, which a CI can keep between runs. Each
// entry is written to a temporary file and renamed, so a build stopped
// half-way leaves no half entry. Safe for concurrent use.
type Dir struct {
	root *os.Root
}

// OpenDir opens the cache folder dir, creating it when missing.
func OpenDir(dir string) (*Dir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Dir{root: root}, nil
}

// Close closes the folder.
func (d *Dir) Close() error { return d.root.Close() }

// Get returns the entry key, if the cache has it.
func (d *Dir) Get(key string) ([]byte, bool) {
	data, err := d.root.ReadFile(key)
	return data, err == nil && len(data) > 0
}

// Put stores data as the entry key.
func (d *Dir) Put(key string, data []byte) error {
	if err := d.root.MkdirAll(path.Dir(key), 0o755); err != nil {
		return err
	}
	var r [6]byte
	rand.Read(r[:])
	tmp := key + ".tmp-" + hex.EncodeToString(r[:])
	if err := d.root.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	if err := d.root.Rename(tmp, key); err != nil {
		d.root.Remove(tmp)
		return err
	}
	return nil
}

// Memory is a Cache in memory. Safe for concurrent use.
type Memory struct{ m sync.Map }

// Get returns the entry key, if the cache has it.
func (c *Memory) Get(key string) ([]byte, bool) {
	v, ok := c.m.Load(key)
	if !ok {
		return nil, false
	}
	return v.([]byte), true
}

// Put stores data as the entry key.
func (c *Memory) Put(key string, data []byte) error {
	c.m.Store(key, data)
	return nil
}

// Discard is a Cache that keeps nothing: every build makes every image.
type Discard struct{}

// Get never has the entry.
func (Discard) Get(string) ([]byte, bool) { return nil, false }

// Put keeps nothing.
func (Discard) Put(string, []byte) error { return nil }
