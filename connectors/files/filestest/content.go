package filestest

import (
	"bytes"
	"crypto/rand"
	"errors"
	"io"
	"testing"

	"github.com/google/uuid"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// RunContent tests a files.Content; open returns an empty one.
func RunContent(t *testing.T, open func(t *testing.T) files.Content) {
	t.Run("write, read back, delete", func(t *testing.T) { testRoundTrip(t, open(t)) })
	t.Run("nothing readable before commit, nothing left by abort", func(t *testing.T) { testAbort(t, open(t)) })
	t.Run("a cancelled write leaves nothing", func(t *testing.T) { testCancelled(t, open(t)) })
	t.Run("missing content", func(t *testing.T) { testMissing(t, open(t)) })
}

// write stores data under key and commits.
func write(t *testing.T, c files.Content, key string, data []byte) {
	t.Helper()
	w, err := c.Create(ctx, key, "application/octet-stream")
	if err != nil {
		t.Fatalf("Create %s: %v", key, err)
	}
	if _, err := io.Copy(w, bytes.NewReader(data)); err != nil {
		w.Abort()
		t.Fatalf("write %s: %v", key, err)
	}
	if err := w.Commit(); err != nil {
		t.Fatalf("Commit %s: %v", key, err)
	}
}

// read returns the content under key.
func read(c files.Content, key string) ([]byte, error) {
	r, err := c.Open(ctx, key)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

func testRoundTrip(t *testing.T, c files.Content) {
	if err := c.Check(ctx); err != nil {
		t.Fatalf("Check: %v", err)
	}
	big := make([]byte, 3<<20+17)
	rand.Read(big)
	small := []byte("hello, ünïcode")
	keys := map[string][]byte{uuid.NewString(): big, uuid.NewString(): small}
	for key, data := range keys {
		write(t, c, key, data)
	}
	for key, data := range keys {
		if got, err := read(c, key); err != nil || !bytes.Equal(got, data) {
			t.Errorf("read %s: %d bytes, %v; want %d bytes back", key, len(got), err, len(data))
		}
	}
	for key := range keys {
		if err := c.Delete(ctx, key); err != nil {
			t.Errorf("Delete: %v", err)
		}
		if _, err := read(c, key); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("read after delete: %v, want ErrNotFound", err)
		}
	}
}

func testAbort(t *testing.T, c files.Content) {
	key := uuid.NewString()
	w, err := c.Create(ctx, key, "text/plain")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(bytes.Repeat([]byte("x"), 1<<20)); err != nil {
		t.Fatal(err)
	}
	if _, err := read(c, key); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("read before commit: %v, want ErrNotFound", err)
	}
	w.Abort()
	w.Abort()
	if _, err := read(c, key); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("read after abort: %v, want ErrNotFound", err)
	}
}

func testCancelled(t *testing.T, c files.Content) {
	key := uuid.NewString()
	cctx, cancel := contextWithCancel()
	w, err := c.Create(cctx, key, "text/plain")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write([]byte("half of it"))
	cancel()
	if err := w.Commit(); err == nil {
		t.Error("Commit after the context ended succeeded")
	}
	if _, err := read(c, key); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("read after a cancelled write: %v, want ErrNotFound", err)
	}
}

func testMissing(t *testing.T, c files.Content) {
	if _, err := c.Open(ctx, uuid.NewString()); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("Open of missing content: %v, want ErrNotFound", err)
	}
	if err := c.Delete(ctx, uuid.NewString()); err != nil {
		t.Errorf("Delete of missing content: %v, want nil", err)
	}
}
