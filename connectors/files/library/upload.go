package library

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"

	"github.com/google/uuid"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// copyBuffer is the piece of an upload held in memory at a time.
const copyBuffer = 64 << 10

// Upload stores a file, streaming its content through the checks, and
// counts how it ended.
func (l *Library) Upload(ctx context.Context, u files.Upload) (files.File, error) {
	f, err := l.upload(ctx, u)
	l.count(err)
	return f, err
}

// upload is Upload without the counting.
func (l *Library) upload(ctx context.Context, u files.Upload) (files.File, error) {
	if err := checkUpload(u); err != nil {
		return files.File{}, err
	}
	name, err := files.CleanName(u.Name)
	if err != nil {
		return files.File{}, err
	}
	room, err := l.room(ctx, u.Uploader)
	if err != nil {
		return files.File{}, err
	}
	head := make([]byte, files.DetectBytes)
	n, err := io.ReadFull(u.Body, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return files.File{}, fmt.Errorf("library: read upload: %w", err)
	}
	if head = head[:n]; n == 0 {
		return files.File{}, files.ErrEmpty
	}
	detected, err := l.o.Types.Check(head)
	if err != nil {
		return files.File{}, err
	}
	f := files.File{ID: uuid.NewString(), Owner: u.Owner, Name: files.FitExtension(name, detected),
		Uploader: u.Uploader, CreatedAt: l.now()}
	if err := l.o.Records.CreateFile(ctx, f); err != nil {
		return files.File{}, err
	}
	done, err := l.store(ctx, f, detected.Type, io.MultiReader(bytesReader(head), u.Body), room)
	if err != nil {
		return files.File{}, err
	}
	l.log.InfoContext(ctx, "library: file stored", "file", done.ID, "owner_kind", done.Owner.Kind,
		"uploader_kind", done.Uploader.Kind, "type", done.Type, "size", done.Size)
	return done, nil
}

// checkUpload refuses a malformed owner or uploader.
func checkUpload(u files.Upload) error {
	switch {
	case !u.Owner.Valid():
		return fmt.Errorf("library: %w: malformed owner", connectors.ErrInvalid)
	case !u.Uploader.Kind.Valid(), u.Uploader.Kind == files.ByContact && u.Uploader.ID == "":
		return fmt.Errorf("library: %w: malformed uploader", connectors.ErrInvalid)
	case u.Body == nil:
		return fmt.Errorf("library: %w: no content", connectors.ErrInvalid)
	}
	return nil
}

// room returns how many bytes the uploader may still store in one file:
// the size limit, or less when a contact's quota leaves less, marked
// byQuota. ErrQuota when the quota is used up already.
func (l *Library) room(ctx context.Context, by files.Uploader) (limit, error) {
	r := limit{bytes: l.o.MaxSize}
	if l.o.Quota <= 0 || by.Kind != files.ByContact {
		return r, nil
	}
	used, err := l.o.Records.UploadedBytes(ctx, by.ID)
	if err != nil {
		return r, err
	}
	if left := l.o.Quota - used; left < r.bytes {
		r = limit{bytes: left, byQuota: true}
	}
	if r.bytes <= 0 {
		return r, fmt.Errorf("%w: %d of %d bytes used", files.ErrQuota, used, l.o.Quota)
	}
	return r, nil
}

// limit is the most bytes one upload may have, and whether the quota
// (rather than the size limit) sets it.
type limit struct {
	bytes   int64
	byQuota bool
}

// refusal is the error for content longer than the limit.
func (r limit) refusal() error {
	if r.byQuota {
		return fmt.Errorf("%w: the file is larger than the %d bytes left", files.ErrQuota, r.bytes)
	}
	return fmt.Errorf("%w: the limit is %d bytes", files.ErrTooLarge, r.bytes)
}

// store writes the content of the pending record f and marks it ready;
// on any failure it removes what it wrote (see undo).
func (l *Library) store(ctx context.Context, f files.File, contentType string, body io.Reader, room limit) (files.File, error) {
	var scan files.Scan
	if l.o.Scanner != nil {
		var err error
		if scan, err = l.o.Scanner.Scan(ctx); err != nil {
			return files.File{}, l.undo(ctx, f.ID, false, err)
		}
		defer scan.Close()
	}
	w, err := l.o.Content.Create(ctx, f.ID, contentType)
	if err != nil {
		return files.File{}, l.undo(ctx, f.ID, false, err)
	}
	sum, size, err := l.stream(w, scan, body, room)
	if err == nil && scan != nil {
		err = verdict(scan)
	}
	if err != nil {
		w.Abort()
		return files.File{}, l.undo(ctx, f.ID, false, err)
	}
	if err := w.Commit(); err != nil {
		return files.File{}, l.undo(ctx, f.ID, false, err)
	}
	done, err := l.o.Records.CompleteFile(ctx, f.ID, files.Completed{Type: contentType, Size: size, SHA256: sum}, l.quotaFor(f.Uploader))
	if err != nil {
		return files.File{}, l.undo(ctx, f.ID, true, err)
	}
	return done, nil
}

// quotaFor is the quota CompleteFile checks for an uploader.
func (l *Library) quotaFor(by files.Uploader) int64 {
	if by.Kind != files.ByContact {
		return 0
	}
	return l.o.Quota
}

// stream copies body to the content writer, the hash and the scanner,
// refusing more than room allows, and returns the hex SHA-256 and size.
func (l *Library) stream(w io.Writer, scan files.Scan, body io.Reader, room limit) (string, int64, error) {
	h := sha256.New()
	sinks := []io.Writer{w, h}
	if scan != nil {
		sinks = append(sinks, scan)
	}
	n, err := io.CopyBuffer(io.MultiWriter(sinks...), readErrors{io.LimitReader(body, room.bytes+1)}, make([]byte, copyBuffer))
	switch {
	case err != nil:
		return "", n, err
	case n > room.bytes:
		return "", n, room.refusal()
	}
	return hexSum(h), n, nil
}

// verdict turns the scanner's answer into an error for infected content.
func verdict(scan files.Scan) error {
	found, err := scan.Verdict()
	if err != nil {
		return err
	}
	if found != "" {
		return fmt.Errorf("%w: %s", files.ErrInfected, found)
	}
	return nil
}

// undo removes what a failed upload stored, then returns its error: the
// content when it was committed, then the record. A step that fails
// leaves the record pending, for Sweep.
func (l *Library) undo(ctx context.Context, id string, committed bool, cause error) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), undoTimeout)
	defer cancel()
	if committed {
		l.clear(ctx, id)
		return cause
	}
	if err := l.o.Records.DeleteFileRecord(ctx, id); err != nil {
		l.log.WarnContext(ctx, "library: record of a failed upload left for the sweep", "file", id, "err", err)
	}
	return cause
}

// readErrors marks failures to read the upload itself (the client went
// away, the request body was too large), so they are told apart from
// storage and scanner failures.
type readErrors struct{ r io.Reader }

func (r readErrors) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("library: read upload: %w", err)
	}
	return n, err
}

func hexSum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }
