package filestest

import (
	"context"
	"fmt"
	"io"
	"sync/atomic"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// Failing wraps a Content whose operations fail with ErrUnavailable while
// their switch is on, as storage that is down would.
type Failing struct {
	files.Content
	// FailCreate fails Create; FailWrite fails every Write; FailCommit
	// fails Commit (the content is not kept); FailOpen and FailDelete
	// fail those.
	FailCreate, FailWrite, FailCommit, FailOpen, FailDelete atomic.Bool
}

// NewFailing wraps c with every switch off.
func NewFailing(c files.Content) *Failing { return &Failing{Content: c} }

// Down turns every switch on or off.
func (f *Failing) Down(down bool) {
	for _, b := range []*atomic.Bool{&f.FailCreate, &f.FailWrite, &f.FailCommit, &f.FailOpen, &f.FailDelete} {
		b.Store(down)
	}
}

func down(op string) error {
	return fmt.Errorf("filestest: %s: %w: storage is down", op, connectors.ErrUnavailable)
}

// Create starts a write that fails as the switches say.
func (f *Failing) Create(ctx context.Context, key, contentType string) (files.ContentWriter, error) {
	if f.FailCreate.Load() {
		return nil, down("create")
	}
	w, err := f.Content.Create(ctx, key, contentType)
	if err != nil {
		return nil, err
	}
	return &failingWriter{ContentWriter: w, f: f}, nil
}

type failingWriter struct {
	files.ContentWriter
	f *Failing
}

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.f.FailWrite.Load() {
		return 0, down("write")
	}
	return w.ContentWriter.Write(p)
}

func (w *failingWriter) Commit() error {
	if w.f.FailCommit.Load() {
		w.ContentWriter.Abort()
		return down("commit")
	}
	return w.ContentWriter.Commit()
}

// Open fails while FailOpen is on.
func (f *Failing) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	if f.FailOpen.Load() {
		return nil, down("open")
	}
	return f.Content.Open(ctx, key)
}

// Delete fails while FailDelete is on.
func (f *Failing) Delete(ctx context.Context, key string) error {
	if f.FailDelete.Load() {
		return down("delete")
	}
	return f.Content.Delete(ctx, key)
}

func contextWithCancel() (context.Context, context.CancelFunc) { return context.WithCancel(ctx) }
