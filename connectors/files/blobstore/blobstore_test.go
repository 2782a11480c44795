package blobstore

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gocloud.dev/blob/memblob"

	"clientgate/connectors/files"
	"clientgate/connectors/files/filestest"
)

// fileURL is a file:// bucket URL of dir, created on first use, with
// temporary files beside their final path (same file system).
func fileURL(dir string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir), RawQuery: "create_dir=1&no_tmp_dir=1"}).String()
}

func TestFileBucket(t *testing.T) {
	filestest.RunContent(t, func(t *testing.T) files.Content {
		s, err := Open(context.Background(), fileURL(filepath.Join(t.TempDir(), "files")))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestMemBucket(t *testing.T) {
	filestest.RunContent(t, func(t *testing.T) files.Content {
		s := New(memblob.OpenBucket(nil))
		t.Cleanup(func() { s.Close() })
		return s
	})
}

// TestFileBucketLeavesNoTemporaryFiles: an aborted write leaves nothing in
// the folder, not even its temporary file.
func TestFileBucketLeavesNoTemporaryFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "files")
	s, err := Open(context.Background(), fileURL(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w, err := s.Create(context.Background(), "a", "text/plain")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("partial"))
	w.Abort()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("the folder holds %v after an aborted write", entries)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := Open(ctx, "nosuch://bucket"); err == nil || !strings.Contains(err.Error(), "nosuch") {
		t.Errorf("unknown scheme: %v", err)
	}
	missing := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(t.TempDir(), "missing"))}).String()
	if s, err := Open(ctx, missing); err == nil {
		s.Close()
		t.Errorf("a missing folder without create_dir opened")
	}
}
