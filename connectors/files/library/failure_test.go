package library

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/files"
	"clientgate/connectors/files/clamd"
	"clientgate/connectors/files/clamd/clamdtest"
)

// TestStorageDown: with blob storage failing at each step of an upload,
// the upload fails with ErrUnavailable and leaves neither a record nor
// content.
func TestStorageDown(t *testing.T) {
	steps := map[string]func(e *env){
		"create": func(e *env) { e.content.FailCreate.Store(true) },
		"write":  func(e *env) { e.content.FailWrite.Store(true) },
		"commit": func(e *env) { e.content.FailCommit.Store(true) },
	}
	for name, fail := range steps {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, nil)
			fail(e)
			_, err := e.upload("a.pdf", alice, pdf(300<<10))
			if !errors.Is(err, connectors.ErrUnavailable) {
				t.Errorf("Upload with storage failing at %s: %v, want ErrUnavailable", name, err)
			}
			e.nothingStored(t, "storage down at "+name)
		})
	}
}

// TestDatabaseDownAfterContent: the content was stored but the record
// could not be completed. The content is deleted; when the record cannot
// be deleted either, it stays pending (never listed) until the sweep.
func TestDatabaseDownAfterContent(t *testing.T) {
	e := newEnv(t, nil)
	e.records.failComplete = true
	if _, err := e.upload("a.pdf", alice, pdf(1000)); !errors.Is(err, connectors.ErrUnavailable) {
		t.Errorf("Upload: %v", err)
	}
	e.nothingStored(t, "a failed completion")

	e.records.failDelete = true
	if _, err := e.upload("b.pdf", alice, pdf(1000)); !errors.Is(err, connectors.ErrUnavailable) {
		t.Errorf("Upload: %v", err)
	}
	if k := e.keys(t); len(k) != 0 {
		t.Errorf("content left behind: %q", k)
	}
	if page, _ := e.lib.List(ctx, files.Access{ContactID: "c-alice"}, connectors.PageRequest{}); len(page.Items) != 0 {
		t.Errorf("a pending record is listed: %+v", page.Items)
	}
	e.records.failComplete, e.records.failDelete = false, false
	if n, err := e.lib.Sweep(ctx); err != nil || n != 0 {
		t.Errorf("Sweep before the grace period: %d, %v; want 0 (it may be an upload in progress)", n, err)
	}
	*e.clock = e.clock.Add(25 * time.Hour)
	if n, err := e.lib.Sweep(ctx); err != nil || n != 1 {
		t.Errorf("Sweep after a day: %d, %v; want 1", n, err)
	}
	e.nothingStored(t, "the sweep")
}

// TestEverythingDown: the content was committed, then both the database
// and the storage failed. The record stays pending with its content;
// the sweep, once both are back, deletes the content, then the record.
func TestEverythingDown(t *testing.T) {
	e := newEnv(t, nil)
	e.records.failComplete, e.records.failDelete = true, true
	e.content.FailDelete.Store(true)
	if _, err := e.upload("a.pdf", alice, pdf(1000)); err == nil {
		t.Fatal("Upload succeeded")
	}
	if len(e.keys(t)) != 1 || len(e.allRecords(t)) != 1 {
		t.Fatalf("want the content and its pending record kept for the sweep: %q, %q", e.keys(t), e.allRecords(t))
	}
	*e.clock = e.clock.Add(25 * time.Hour)
	if n, _ := e.lib.Sweep(ctx); n != 0 || len(e.allRecords(t)) != 1 {
		t.Errorf("Sweep with storage down cleared %d and left %d records; want the record kept", n, len(e.allRecords(t)))
	}
	e.records.failComplete, e.records.failDelete = false, false
	e.content.Down(false)
	if n, err := e.lib.Sweep(ctx); err != nil || n != 1 {
		t.Errorf("Sweep = %d, %v", n, err)
	}
	e.nothingStored(t, "the sweep")
}

func TestRemove(t *testing.T) {
	e := newEnv(t, nil)
	a := files.Access{ContactID: "c-alice"}
	keep, _ := e.upload("keep.pdf", operator, pdf(100))
	gone, _ := e.upload("gone.pdf", operator, pdf(100))
	e.content.FailDelete.Store(true)
	if err := e.lib.Remove(ctx, gone.ID); err != nil {
		t.Fatalf("Remove with storage down: %v (it hides the file and leaves the rest to the sweep)", err)
	}
	if _, err := e.lib.Get(ctx, a, gone.ID); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("a removed file is still readable: %v", err)
	}
	if err := e.lib.Remove(ctx, gone.ID); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("Remove twice: %v, want ErrNotFound", err)
	}
	e.content.FailDelete.Store(false)
	if n, err := e.lib.Sweep(ctx); err != nil || n != 1 {
		t.Errorf("Sweep = %d, %v", n, err)
	}
	if k := e.keys(t); len(k) != 1 || k[0] != keep.ID {
		t.Errorf("bucket holds %q, want only %s", k, keep.ID)
	}
	if err := e.lib.Remove(ctx, keep.ID); err != nil {
		t.Fatal(err)
	}
	e.nothingStored(t, "removing every file")
}

func TestDownloadWithoutContent(t *testing.T) {
	e := newEnv(t, nil)
	f, _ := e.upload("a.pdf", operator, pdf(100))
	if err := e.bucket.Delete(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.lib.Download(ctx, files.Access{ContactID: "c-alice"}, f.ID); !errors.Is(err, connectors.ErrUnavailable) {
		t.Errorf("Download of a file whose content vanished: %v, want ErrUnavailable", err)
	}
	e.content.FailOpen.Store(true)
	if _, _, err := e.lib.Download(ctx, files.Access{ContactID: "c-alice"}, f.ID); !errors.Is(err, connectors.ErrUnavailable) {
		t.Errorf("Download with storage down: %v, want ErrUnavailable", err)
	}
}

// TestRealClamd uploads through Debian's clamd: the EICAR test file is
// refused and nothing is stored; a clean file is stored; with clamd
// stopped, uploads are refused.
func TestRealClamd(t *testing.T) {
	addr := clamdtest.Start(t, 8<<20)
	scanner, err := clamd.New(addr, clamd.Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, func(o *Options) { o.Scanner = scanner })
	infected := append(bytes.Repeat([]byte("harmless line\n"), 50000), clamdtest.EICAR...)
	_, err = e.upload("notes.txt", alice, infected)
	if !errors.Is(err, files.ErrInfected) || !bytes.Contains([]byte(err.Error()), []byte(clamdtest.Signature)) {
		t.Errorf("EICAR: %v, want ErrInfected naming %s", err, clamdtest.Signature)
	}
	e.nothingStored(t, "an infected upload")
	f, err := e.upload("clean.pdf", alice, pdf(2<<20/2))
	if err != nil {
		t.Fatalf("clean file: %v", err)
	}
	_, body, _ := e.lib.Download(ctx, files.Access{ContactID: "c-alice"}, f.ID)
	n, _ := io.Copy(io.Discard, body)
	body.Close()
	if n != f.Size {
		t.Errorf("downloaded %d of %d bytes", n, f.Size)
	}
}
