package library

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/connectors"
	"clientgate/connectors/fake"
	"clientgate/connectors/files"
)

// TestAttachmentsAndOpen: a post's files are read by post ID, opened by
// staff whoever owns them, downloaded by the thread's contact only, and
// swept when their post never came to be.
func TestAttachmentsAndOpen(t *testing.T) {
	e := newEnv(t, nil)
	bridge := e.records.Records.(*fake.Bridge)
	post := bridge.AddPost("c-alice")
	owner := files.Owner{Kind: files.OwnerPost, ID: post}
	f, err := e.lib.Upload(ctx, files.Upload{Owner: owner, Uploader: alice, Name: "photo.pdf", Body: bytes.NewReader(pdf(500))})
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.lib.Attachments(ctx, []string{post, uuid.NewString()})
	if err != nil || len(got) != 1 || len(got[post]) != 1 || got[post][0].ID != f.ID {
		t.Errorf("Attachments = %v, %v", got, err)
	}
	if _, _, err := e.lib.Download(ctx, files.Access{ContactID: "c-bob"}, f.ID); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("bob downloads alice's attachment: %v", err)
	}
	_, body, err := e.lib.Download(ctx, files.Access{ContactID: "c-alice"}, f.ID)
	if err != nil {
		t.Fatalf("alice downloads her attachment: %v", err)
	}
	body.Close()
	opened, body, err := e.lib.Open(ctx, f.ID)
	if err != nil || opened.ID != f.ID {
		t.Fatalf("Open = %+v, %v", opened, err)
	}
	n, _ := io.Copy(io.Discard, body)
	body.Close()
	if n != 500 {
		t.Errorf("Open read %d bytes, want 500", n)
	}
	if err := e.lib.Remove(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.lib.Open(ctx, f.ID); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("Open of a removed file: %v", err)
	}
	if _, _, err := e.lib.Open(ctx, "nope"); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("Open of an unknown ID: %v", err)
	}
	orphan, err := e.lib.Upload(ctx, files.Upload{Owner: files.Owner{Kind: files.OwnerPost, ID: uuid.NewString()}, Uploader: alice,
		Name: "orphan.pdf", Body: bytes.NewReader(pdf(100))})
	if err != nil {
		t.Fatal(err)
	}
	*e.clock = e.clock.Add(25 * time.Hour)
	if n, err := e.lib.Sweep(ctx); err != nil || n != 1 {
		t.Errorf("Sweep = %d, %v; want the orphan %s cleared", n, err, orphan.ID)
	}
	e.nothingStored(t, "the orphan's sweep")
}

// TestUploadCounter: every outcome is counted from zero, each upload once.
func TestUploadCounter(t *testing.T) {
	reg := prometheus.NewRegistry()
	e := newEnv(t, func(o *Options) { o.Registerer = reg })
	want := map[string]float64{"stored": 0, "failed": 0, "too_large": 0, "empty": 0, "type": 0, "quota": 0, "name": 0,
		"infected": 0, "scan_unavailable": 0}
	check := func(when string) {
		t.Helper()
		for outcome, n := range want {
			if got := testutil.ToFloat64(e.lib.uploads.WithLabelValues(outcome)); got != n {
				t.Errorf("%s: clientgate_file_uploads_total{outcome=%q} = %v, want %v", when, outcome, got, n)
			}
		}
	}
	check("at start")
	if n, err := testutil.GatherAndCount(reg, "clientgate_file_uploads_total"); err != nil || n != len(want) {
		t.Errorf("%d series registered (%v), want %d at zero", n, err, len(want))
	}
	e.upload("a.pdf", alice, pdf(100))
	e.upload("b.pdf", alice, nil)
	e.upload("c.pdf", alice, []byte("<html><script></script></html>"))
	e.content.FailCreate.Store(true)
	e.upload("d.pdf", alice, pdf(100))
	want["stored"], want["empty"], want["type"], want["failed"] = 1, 1, 1, 1
	check("after four uploads")
}
