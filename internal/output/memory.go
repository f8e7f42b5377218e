package output

import (
	"bytes"
	"maps"
	"slices"
	"sync"
)

// Memory is a Sink that keeps files in memory, over a base set of files
// that it reads but never modifies: what Put and Remove do is kept apart,
// so that the dev server can start each rebuild from the snapshot it
// serves, publish Files as the next one and tell the pages what Changes
// holds. Safe for concurrent use.
type Memory struct {
	mu      sync.Mutex
	base    map[string][]byte // from NewMemoryOver; read only
	put     map[string][]byte
	removed map[string]bool
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return NewMemoryOver(nil) }

// NewMemoryOver returns a Memory that holds the files of base. base is
// not modified, and must not be while the Memory is in use.
func NewMemoryOver(base map[string][]byte) *Memory {
	return &Memory{base: base, put: map[string][]byte{}, removed: map[string]bool{}}
}

// Put stores a copy of data under name.
func (m *Memory) Put(name string, data []byte) error {
	data = bytes.Clone(data)
	m.mu.Lock()
	m.put[name] = data
	delete(m.removed, name)
	m.mu.Unlock()
	return nil
}

// Remove deletes name.
func (m *Memory) Remove(name string) error {
	m.mu.Lock()
	delete(m.put, name)
	m.removed[name] = true
	m.mu.Unlock()
	return nil
}

// Files returns a new name → bytes map of the files held: the base with
// the changes applied. The bytes are shared, and must not be modified.
func (m *Memory) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	files := make(map[string][]byte, len(m.base)+len(m.put))
	maps.Copy(files, m.base)
	for name := range m.removed {
		delete(files, name)
	}
	maps.Copy(files, m.put)
	return files
}

// Changes returns, sorted, the names last Put and the names last Removed
// since the Memory was made. A name removed is listed even when the
// Memory did not hold it.
func (m *Memory) Changes() (put, removed []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Sorted(maps.Keys(m.put)), slices.Sorted(maps.Keys(m.removed))
}
