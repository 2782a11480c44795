package fake

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// fileState holds the fake bridge's file records and downloads; its zero
// value is ready to use.
type fileState struct {
	records   map[string]fileRec
	downloads map[[2]string]time.Time // (file ID, contact ID) → first download
	posts     map[string]string       // post ID → its thread's contact (see AddPost)
}

// fileRec is a record with the time its state last changed.
type fileRec struct {
	f       files.File
	updated time.Time
}

// CreateFile stores a pending record.
func (b *Bridge) CreateFile(ctx context.Context, f files.File) error {
	if err := check(ctx, "create file"); err != nil {
		return err
	}
	if _, err := uuid.Parse(f.ID); err != nil || !f.Owner.Valid() || !f.Uploader.Kind.Valid() || f.Name == "" ||
		f.CreatedAt.IsZero() || (f.Uploader.Kind == files.ByContact && f.Uploader.ID == "") {
		return fmt.Errorf("fake: bridge create file: %w: malformed record", connectors.ErrInvalid)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.files.records == nil {
		b.files.records = map[string]fileRec{}
	}
	if _, taken := b.files.records[f.ID]; taken {
		return fmt.Errorf("fake: bridge create file: %w: ID taken", connectors.ErrConflict)
	}
	f.State, f.Type, f.Size, f.SHA256, f.Downloaded = files.StatePending, "", 0, "", false
	b.files.records[f.ID] = fileRec{f: f, updated: b.now()}
	return nil
}

// CompleteFile marks a pending record ready within the uploader's quota.
func (b *Bridge) CompleteFile(ctx context.Context, id string, c files.Completed, quota int64) (files.File, error) {
	if err := check(ctx, "complete file"); err != nil {
		return files.File{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	r, ok := b.files.records[id]
	if !ok || r.f.State != files.StatePending {
		return files.File{}, fmt.Errorf("fake: bridge complete file: %w", connectors.ErrNotFound)
	}
	if quota > 0 && r.f.Uploader.Kind == files.ByContact && b.uploadedLocked(r.f.Uploader.ID)+c.Size > quota {
		return files.File{}, fmt.Errorf("fake: bridge complete file: %w", files.ErrQuota)
	}
	r.f.State, r.f.Type, r.f.Size, r.f.SHA256, r.updated = files.StateReady, c.Type, c.Size, c.SHA256, b.now()
	b.files.records[id] = r
	return r.f, nil
}

// uploadedLocked sums a contact's ready uploads; b.mu is held.
func (b *Bridge) uploadedLocked(contactID string) int64 {
	var n int64
	for _, r := range b.files.records {
		if r.f.State == files.StateReady && r.f.Uploader.Kind == files.ByContact && r.f.Uploader.ID == contactID {
			n += r.f.Size
		}
	}
	return n
}

// UploadedBytes returns the total size of a contact's ready uploads.
func (b *Bridge) UploadedBytes(ctx context.Context, contactID string) (int64, error) {
	if err := check(ctx, "uploaded bytes"); err != nil {
		return 0, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.uploadedLocked(contactID), nil
}

// visibleLocked returns the ready files keep accepts, newest first, with
// Downloaded for contactID; b.mu is held.
func (b *Bridge) visibleLocked(contactID string, keep func(files.File) bool) []files.File {
	var out []files.File
	for _, r := range b.files.records {
		if r.f.State == files.StateReady && keep(r.f) {
			f := r.f
			_, f.Downloaded = b.files.downloads[[2]string{f.ID, contactID}]
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(x, y files.File) int {
		if c := y.CreatedAt.Compare(x.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(y.ID, x.ID)
	})
	return out
}

// ListFiles lists the ready library files a may see, newest first.
func (b *Bridge) ListFiles(ctx context.Context, a files.Access, p connectors.PageRequest) (connectors.Page[files.File], error) {
	if err := check(ctx, "list files"); err != nil {
		return connectors.Page[files.File]{}, err
	}
	b.mu.Lock()
	all := b.visibleLocked(a.ContactID, func(f files.File) bool { return a.Valid() && a.Sees(f.Owner) })
	b.mu.Unlock()
	return connectors.PageSlice(all, p)
}

// GetFile returns one ready library file or attachment a may see.
func (b *Bridge) GetFile(ctx context.Context, a files.Access, id string) (files.File, error) {
	if err := check(ctx, "get file"); err != nil {
		return files.File{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	got := b.visibleLocked(a.ContactID, func(f files.File) bool { return f.ID == id && a.Valid() && b.readsLocked(a, f.Owner) })
	if len(got) == 0 {
		return files.File{}, fmt.Errorf("fake: bridge get file: %w", connectors.ErrNotFound)
	}
	return got[0], nil
}

// RecordDownload records a contact's first download of a file.
func (b *Bridge) RecordDownload(ctx context.Context, contactID, fileID string, at time.Time) error {
	if err := check(ctx, "record download"); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.files.records[fileID]; !ok || contactID == "" {
		return nil
	}
	if b.files.downloads == nil {
		b.files.downloads = map[[2]string]time.Time{}
	}
	key := [2]string{fileID, contactID}
	if _, seen := b.files.downloads[key]; !seen {
		b.files.downloads[key] = at
	}
	return nil
}

// RecentFiles returns the library files new to a's contact.
func (b *Bridge) RecentFiles(ctx context.Context, a files.Access, since time.Time, limit int) ([]files.File, int, error) {
	if err := check(ctx, "recent files"); err != nil {
		return nil, 0, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	all := b.visibleLocked(a.ContactID, func(f files.File) bool {
		return a.Valid() && a.Sees(f.Owner) && !f.CreatedAt.Before(since) &&
			!(f.Uploader.Kind == files.ByContact && f.Uploader.ID == a.ContactID)
	})
	all = slices.DeleteFunc(all, func(f files.File) bool { return f.Downloaded })
	return all[:min(len(all), max(limit, 0))], len(all), nil
}

// OwnerFiles lists one owner's ready files, newest first.
func (b *Bridge) OwnerFiles(ctx context.Context, o files.Owner, p connectors.PageRequest) (connectors.Page[files.File], error) {
	if err := check(ctx, "owner files"); err != nil {
		return connectors.Page[files.File]{}, err
	}
	b.mu.Lock()
	all := b.visibleLocked("", func(f files.File) bool { return f.Owner == o })
	b.mu.Unlock()
	return connectors.PageSlice(all, p)
}

// FileRecord returns any record by ID.
func (b *Bridge) FileRecord(ctx context.Context, id string) (files.File, error) {
	if err := check(ctx, "file record"); err != nil {
		return files.File{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	r, ok := b.files.records[id]
	if !ok {
		return files.File{}, fmt.Errorf("fake: bridge file record: %w", connectors.ErrNotFound)
	}
	return r.f, nil
}

// DiscardFile marks a pending or ready record deleting.
func (b *Bridge) DiscardFile(ctx context.Context, id string) error {
	if err := check(ctx, "discard file"); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	r, ok := b.files.records[id]
	if !ok || r.f.State == files.StateDeleting {
		return fmt.Errorf("fake: bridge discard file: %w", connectors.ErrNotFound)
	}
	r.f.State, r.updated = files.StateDeleting, b.now()
	b.files.records[id] = r
	return nil
}

// DeleteFileRecord deletes a record and its downloads.
func (b *Bridge) DeleteFileRecord(ctx context.Context, id string) error {
	if err := check(ctx, "delete file record"); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.files.records, id)
	for key := range b.files.downloads {
		if key[0] == id {
			delete(b.files.downloads, key)
		}
	}
	return nil
}

// FilesToSweep returns deleting records, pending ones older than
// pendingBefore and attachments as old whose post was never added,
// oldest first.
func (b *Bridge) FilesToSweep(ctx context.Context, pendingBefore time.Time, limit int) ([]string, error) {
	if err := check(ctx, "files to sweep"); err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var recs []fileRec
	for _, r := range b.files.records {
		if r.f.State == files.StateDeleting || (r.f.State == files.StatePending && r.updated.Before(pendingBefore)) ||
			b.orphanLocked(r, pendingBefore) {
			recs = append(recs, r)
		}
	}
	slices.SortFunc(recs, func(x, y fileRec) int { return x.updated.Compare(y.updated) })
	var ids []string
	for _, r := range recs[:min(len(recs), max(limit, 1))] {
		ids = append(ids, r.f.ID)
	}
	return ids, nil
}
