// Package blobstore keeps files' content in a gocloud.dev/blob bucket: a
// folder (file:///path), memory (mem://, for tests), or, when the program
// imports their drivers (cmd/clientgate does), Amazon S3 or a compatible
// store (s3://bucket?region=…), Google Cloud Storage (gs://bucket) and
// Azure Blob Storage (azblob://container). Credentials come from each
// cloud's usual environment (AWS_*, GOOGLE_APPLICATION_CREDENTIALS,
// AZURE_STORAGE_*), never from clientgate's configuration.
package blobstore

import (
	"context"
	"errors"
	"fmt"
	"io"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/fileblob" // file:// buckets: the default, a folder under the data directory
	_ "gocloud.dev/blob/memblob"  // mem:// buckets, for tests
	"gocloud.dev/gcerrors"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// Store is a files.Content on a bucket. It is safe for concurrent use.
type Store struct {
	b *blob.Bucket
}

var _ files.Content = (*Store)(nil)

// Open opens the bucket named by a gocloud.dev/blob URL. A scheme whose
// driver is not linked in is an error that names the URL's scheme.
func Open(ctx context.Context, url string) (*Store, error) {
	b, err := blob.OpenBucket(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("blobstore: open bucket: %w", err)
	}
	return New(b), nil
}

// New uses an open bucket; Close closes it.
func New(b *blob.Bucket) *Store { return &Store{b: b} }

// Close closes the bucket.
func (s *Store) Close() error {
	if err := s.b.Close(); err != nil {
		return fmt.Errorf("blobstore: close: %w", err)
	}
	return nil
}

// failure wraps a bucket error: not found stays ErrNotFound, the
// context's own errors pass through, anything else is ErrUnavailable.
func failure(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case gcerrors.Code(err) == gcerrors.NotFound:
		return fmt.Errorf("blobstore: %s: %w", op, connectors.ErrNotFound)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("blobstore: %s: %w", op, err)
	}
	return fmt.Errorf("blobstore: %s: %w: %w", op, connectors.ErrUnavailable, err)
}

// Create starts writing the content under key.
func (s *Store) Create(ctx context.Context, key, contentType string) (files.ContentWriter, error) {
	wctx, cancel := context.WithCancel(ctx)
	w, err := s.b.NewWriter(wctx, key, &blob.WriterOptions{
		ContentType: contentType, DisableContentTypeDetection: contentType == "",
		ContentDisposition: "attachment",
	})
	if err != nil {
		cancel()
		return nil, failure("create "+key, err)
	}
	return &writer{w: w, cancel: cancel, key: key, ctx: ctx}, nil
}

// writer is one content being written.
type writer struct {
	w      *blob.Writer
	cancel context.CancelFunc
	key    string
	ctx    context.Context
	done   bool
}

// Write writes to the bucket (drivers buffer a part at most).
func (w *writer) Write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	if err != nil {
		return n, w.fail("write", err)
	}
	return n, nil
}

// Commit finishes the write.
func (w *writer) Commit() error {
	if w.done {
		return fmt.Errorf("blobstore: commit %s: already finished", w.key)
	}
	w.done = true
	err := w.w.Close()
	w.cancel()
	return w.fail("commit", err)
}

// Abort cancels the write: the bucket keeps nothing of it.
func (w *writer) Abort() {
	if w.done {
		return
	}
	w.done = true
	w.cancel()
	_ = w.w.Close() // reports the cancellation
}

// fail wraps err, reporting the caller's context error when it ended.
func (w *writer) fail(op string, err error) error {
	if err != nil && w.ctx.Err() != nil {
		return fmt.Errorf("blobstore: %s %s: %w", op, w.key, w.ctx.Err())
	}
	return failure(op+" "+w.key, err)
}

// Open returns the content under key.
func (s *Store) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	r, err := s.b.NewReader(ctx, key, nil)
	if err != nil {
		return nil, failure("open "+key, err)
	}
	return r, nil
}

// Delete removes the content under key; none is not an error.
func (s *Store) Delete(ctx context.Context, key string) error {
	err := s.b.Delete(ctx, key)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return nil
	}
	return failure("delete "+key, err)
}

// Check reports whether the bucket exists and answers.
func (s *Store) Check(ctx context.Context) error {
	ok, err := s.b.IsAccessible(ctx)
	if err != nil {
		return failure("check", err)
	}
	if !ok {
		return fmt.Errorf("blobstore: check: %w: the bucket does not exist or cannot be read", connectors.ErrUnavailable)
	}
	return nil
}
