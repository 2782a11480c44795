package files

import (
	"context"
	"io"
	"time"

	"clientgate/connectors"
)

// Content is blob storage for files' content, keyed by file ID. Methods
// return connectors.ErrUnavailable (wrapped) when the storage fails, and
// the context's error when ctx ends first. Implementations are safe for
// concurrent use.
type Content interface {
	// Create starts writing the content stored under key, of the given
	// media type. Nothing is readable under key before the writer's
	// Commit returns nil; Abort, or a Commit that fails, leaves nothing.
	Create(ctx context.Context, key, contentType string) (ContentWriter, error)
	// Open returns the content under key; connectors.ErrNotFound
	// (wrapped) when there is none.
	Open(ctx context.Context, key string) (io.ReadCloser, error)
	// Delete removes the content under key; none is not an error.
	Delete(ctx context.Context, key string) error
	// Check reports whether the storage answers.
	Check(ctx context.Context) error
}

// ContentWriter writes one piece of content. Exactly one of Commit and
// Abort must be called.
type ContentWriter interface {
	io.Writer
	// Commit finishes the write and makes the content readable.
	Commit() error
	// Abort discards what was written.
	Abort()
}

// Scanner scans content for viruses, such as clamd. Methods return
// ErrScanUnavailable (wrapped) when the scanner cannot be reached or
// fails to answer.
type Scanner interface {
	// Scan starts scanning one piece of content, written to the Scan.
	Scan(ctx context.Context) (Scan, error)
	// Ping checks that the scanner answers.
	Ping(ctx context.Context) error
}

// Scan is one piece of content being scanned.
type Scan interface {
	io.Writer
	// Verdict ends the content and returns "" when it is clean, or the
	// name of what was found (such as "Eicar-Test-Signature").
	Verdict() (found string, err error)
	// Close releases the scan; after Verdict it does nothing.
	Close() error
}

// Upload is a file to store.
type Upload struct {
	Owner    Owner
	Uploader Uploader
	// Name is the name the uploader gave; it is cleaned (CleanName) and
	// its extension fitted to the detected type (FitExtension).
	Name string
	// Body is the content, read once to its end and never held whole in
	// memory.
	Body io.Reader
}

// Limits are what an upload must keep to.
type Limits struct {
	// MaxSize is the largest file in bytes.
	MaxSize int64 `json:"max_size"`
	// Quota bounds the bytes of the files one contact uploads (0: none).
	Quota int64 `json:"quota"`
	// Types is the allowlist of media types.
	Types []string `json:"types"`
}

// Library is the files clientgate keeps, as the portal and the operator
// commands use them. Reads take an Access; a file the access may not see
// is connectors.ErrNotFound (wrapped), like an unknown or malformed ID.
// Storage or database failures are connectors.ErrUnavailable (wrapped).
type Library interface {
	// Upload stores a file: its content streamed to storage, its record
	// in the database. It refuses (see Refusal) an empty or oversized
	// file, a type outside the allowlist, a bad name, a contact
	// uploader's quota exceeded, and content the scanner finds infected
	// or cannot scan; a refused or failed upload leaves nothing stored.
	// ErrInvalid (wrapped) for a malformed owner or uploader.
	Upload(ctx context.Context, u Upload) (File, error)
	// List returns the library files a may see (their own and, with
	// a.CompanyID, their company's), newest first. ErrInvalid for a bad
	// cursor.
	List(ctx context.Context, a Access, p connectors.PageRequest) (connectors.Page[File], error)
	// Get returns one file a may see.
	Get(ctx context.Context, a Access, id string) (File, error)
	// Download returns one file a may see and its content, and records
	// that a's contact downloaded it. The caller closes the content.
	Download(ctx context.Context, a Access, id string) (File, io.ReadCloser, error)
	// Recent returns up to limit library files a may see, newest first,
	// that were added since, by someone other than a's contact, and that
	// the contact has not downloaded yet, with how many there are.
	Recent(ctx context.Context, a Access, since time.Time, limit int) ([]File, int, error)
	// Usage returns the bytes of the files a contact uploaded (what the
	// quota counts).
	Usage(ctx context.Context, contactID string) (int64, error)
	// OwnerFiles returns one owner's files, newest first, for operators.
	OwnerFiles(ctx context.Context, o Owner, p connectors.PageRequest) (connectors.Page[File], error)
	// Attachments returns the ready files of conversation posts, by post
	// ID, oldest first within a post. It checks no access: the caller
	// has read the posts through the reader's scope (or as staff). At
	// most connectors.MaxLimit posts; ErrInvalid for more.
	Attachments(ctx context.Context, postIDs []string) (map[string][]File, error)
	// Open returns any ready file and its content, whoever owns it, for
	// staff and operators; never call it for a client's request (use
	// Download). It records no download. The caller closes the content.
	Open(ctx context.Context, id string) (File, io.ReadCloser, error)
	// Remove deletes a file, whoever owns it (operators, and uploads
	// undone by their caller): it disappears at once, then its content
	// and its record are deleted (by the sweep when storage fails).
	Remove(ctx context.Context, id string) error
	// Sweep finishes removals and clears uploads that never completed
	// (pending for longer than a day): content first, then the record.
	// It returns how many records it deleted.
	Sweep(ctx context.Context) (int, error)
	// Limits returns the upload limits.
	Limits() Limits
}
