// Package library is the files.Library: content in a files.Content (blob
// storage), records in a bridge.FileStore (the bridge database), uploads
// checked and scanned as they stream through.
//
// Writes are ordered so that a failure at any step leaves no record
// without content and no content without a record: the record is stored
// first as pending (invisible), then the content is written and
// committed, then the record is marked ready. A failed upload deletes its
// content, then its record; a removal hides the record, deletes the
// content, then the record. Whatever a crash or an outage leaves half
// done is a pending or deleting record, which Sweep finishes later:
// content first, then the record.
package library

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
)

// Options configure a Library.
type Options struct {
	// Content keeps the files' content; required.
	Content files.Content
	// Records keeps the files' records; required.
	Records Records
	// Scanner, when set, scans every upload; content it finds infected,
	// or cannot scan, is refused.
	Scanner files.Scanner
	// Types is the allowlist of media types; required.
	Types files.Types
	// MaxSize is the largest file in bytes; required.
	MaxSize int64
	// Quota bounds the bytes a contact uploads (0: no quota).
	Quota int64
	// PendingFor is how long an upload may take before Sweep treats its
	// record as abandoned; default a day.
	PendingFor time.Duration
	// Logger receives the library's log lines; nil discards them.
	Logger *slog.Logger
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Registerer, when set, receives the upload counter
	// clientgate_file_uploads_total{outcome}.
	Registerer prometheus.Registerer
}

// Records is where a Library keeps its records: the bridge's files and
// attachments (*sqlstore.Store and the fake bridge implement it).
type Records interface {
	bridge.FileStore
	bridge.AttachmentStore
}

// Library implements files.Library. It is safe for concurrent use.
type Library struct {
	o       Options
	log     *slog.Logger
	uploads *prometheus.CounterVec
}

var _ files.Library = (*Library)(nil)

// New checks the options and returns the Library.
func New(o Options) (*Library, error) {
	var errs []error
	if o.Content == nil || o.Records == nil {
		errs = append(errs, errors.New("library: content storage and records are required"))
	}
	if len(o.Types.Allowed()) == 0 {
		errs = append(errs, errors.New("library: an allowlist of types is required"))
	}
	if o.MaxSize <= 0 || o.Quota < 0 {
		errs = append(errs, fmt.Errorf("library: the size limit must be positive and the quota not negative (%d, %d)", o.MaxSize, o.Quota))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if o.PendingFor <= 0 {
		o.PendingFor = 24 * time.Hour
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	l := &Library{o: o, log: o.Logger}
	if l.log == nil {
		l.log = slog.New(slog.DiscardHandler)
	}
	var err error
	if l.uploads, err = newUploadCounter(o.Registerer); err != nil {
		return nil, err
	}
	return l, nil
}

// Limits returns the upload limits.
func (l *Library) Limits() files.Limits {
	return files.Limits{MaxSize: l.o.MaxSize, Quota: l.o.Quota, Types: l.o.Types.Allowed()}
}

// now is the clock in UTC to the microsecond, as the stores keep it.
func (l *Library) now() time.Time { return l.o.Now().UTC().Truncate(time.Microsecond) }

// List returns the library files a may see.
func (l *Library) List(ctx context.Context, a files.Access, p connectors.PageRequest) (connectors.Page[files.File], error) {
	return l.o.Records.ListFiles(ctx, a, p)
}

// Get returns one file a may see.
func (l *Library) Get(ctx context.Context, a files.Access, id string) (files.File, error) {
	return l.o.Records.GetFile(ctx, a, id)
}

// Recent returns the files new to a's contact.
func (l *Library) Recent(ctx context.Context, a files.Access, since time.Time, limit int) ([]files.File, int, error) {
	return l.o.Records.RecentFiles(ctx, a, since, limit)
}

// Usage returns the bytes of a contact's uploads.
func (l *Library) Usage(ctx context.Context, contactID string) (int64, error) {
	return l.o.Records.UploadedBytes(ctx, contactID)
}

// OwnerFiles returns one owner's files.
func (l *Library) OwnerFiles(ctx context.Context, o files.Owner, p connectors.PageRequest) (connectors.Page[files.File], error) {
	return l.o.Records.OwnerFiles(ctx, o, p)
}

// Download returns a file a may see with its content, and records the
// download for a's contact.
func (l *Library) Download(ctx context.Context, a files.Access, id string) (files.File, io.ReadCloser, error) {
	f, err := l.o.Records.GetFile(ctx, a, id)
	if err != nil {
		return f, nil, err
	}
	body, err := l.content(ctx, f)
	if err != nil {
		return f, nil, err
	}
	if err := l.o.Records.RecordDownload(ctx, a.ContactID, f.ID, l.now()); err != nil {
		l.log.WarnContext(ctx, "library: could not record a download", "file", f.ID, "err", err)
	}
	return f, body, nil
}
