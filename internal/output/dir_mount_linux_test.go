package output

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestDirRefusesRealMountPoint mounts a tmpfs inside the output (which
// needs root): NewDir must refuse, naming it, and leave its files; the
// device comparison used where there is no mount table must find it too.
func TestDirRefusesRealMountPoint(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "public")
	build(t, target, map[string]string{"index.html": "I"})
	media := filepath.Join(target, "media")
	os.Mkdir(media, 0o755)
	if err := syscall.Mount("tmpfs", media, "tmpfs", 0, "size=1m"); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v); TestDirRefusesMountPoints covers this with a mount table", err)
	}
	t.Cleanup(func() { syscall.Unmount(media, 0) })
	photo := filepath.Join(media, "photo.jpg")
	os.WriteFile(photo, []byte("volume data"), 0o644)
	for range 2 {
		_, err := NewDir(target)
		if err == nil || !strings.Contains(err.Error(), media+": a file system is mounted there") {
			t.Fatalf("NewDir: %v, want an error naming %s", err, media)
		}
	}
	if b, err := os.ReadFile(photo); string(b) != "volume data" {
		t.Errorf("the mounted volume lost its file: %q, %v", b, err)
	}
	if got, err := mountsByDevice(target, deviceOf); err != nil || !slices.Equal(got, []string{media}) {
		t.Errorf("mountsByDevice: %v, %v; want [%s]", got, err, media)
	}
}
