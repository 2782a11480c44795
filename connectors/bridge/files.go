package bridge

import (
	"context"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// FileStore keeps the records of the files clientgate stores (their
// content is in blob storage, see package files). A record is pending
// while its content is written, ready once the content is stored in full,
// and deleting once removed; only ready records are listed or returned
// through an Access. Methods wrap connectors.ErrNotFound for a missing
// record (or one the access may not see), connectors.ErrInvalid for a
// record that cannot be stored, and connectors.ErrUnavailable when the
// database fails.
type FileStore interface {
	// CreateFile stores f as a pending record; f carries its ID, owner,
	// name, uploader and creation time. ErrConflict when the ID is taken.
	CreateFile(ctx context.Context, f files.File) error
	// CompleteFile marks the pending record id ready with its type, size
	// and checksum, and returns it. With quota > 0 and a contact as
	// uploader it refuses with files.ErrQuota (wrapped), leaving the
	// record pending, when the sizes of that contact's ready uploads and
	// this one add up to more than quota; concurrent completions of one
	// contact are serialised. ErrNotFound when no pending record has id.
	CompleteFile(ctx context.Context, id string, c files.Completed, quota int64) (files.File, error)
	// ListFiles lists the ready contact and company files a may see,
	// newest first (CreatedAt, then ID), with Downloaded for a's contact.
	// ErrInvalid for a bad cursor.
	ListFiles(ctx context.Context, a files.Access, p connectors.PageRequest) (connectors.Page[files.File], error)
	// GetFile returns one ready file a may see: a contact or company file
	// ListFiles would list, or an attachment of a post in one of
	// a.ContactID's own threads (see AttachmentStore).
	GetFile(ctx context.Context, a files.Access, id string) (files.File, error)
	// RecordDownload records that a contact downloaded a file (the first
	// time is kept).
	RecordDownload(ctx context.Context, contactID, fileID string, at time.Time) error
	// RecentFiles returns up to limit of the files ListFiles would list
	// that were created at or after since, not uploaded by a's contact
	// and not downloaded by them, newest first, with how many there are.
	RecentFiles(ctx context.Context, a files.Access, since time.Time, limit int) ([]files.File, int, error)
	// UploadedBytes returns the total size of the ready files a contact
	// uploaded (files.ByContact).
	UploadedBytes(ctx context.Context, contactID string) (int64, error)
	// OwnerFiles lists one owner's ready files, newest first.
	OwnerFiles(ctx context.Context, o files.Owner, p connectors.PageRequest) (connectors.Page[files.File], error)
	// FileRecord returns any record, whatever its owner and state.
	FileRecord(ctx context.Context, id string) (files.File, error)
	// DiscardFile marks a pending or ready record deleting, which hides it
	// at once. ErrNotFound when there is no such record, or it is already
	// deleting.
	DiscardFile(ctx context.Context, id string) error
	// DeleteFileRecord deletes a record in any state, with its downloads.
	// A missing record is not an error.
	DeleteFileRecord(ctx context.Context, id string) error
	// FilesToSweep returns the IDs of up to limit records that are
	// deleting, pending since before pendingBefore, or attachments ready
	// since before pendingBefore whose post does not exist, oldest first.
	FilesToSweep(ctx context.Context, pendingBefore time.Time, limit int) ([]string, error)
}
