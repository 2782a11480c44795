package portal

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/gin-gonic/gin"

	"clientgate/connectors/files"
)

// maxFilesPerRequest bounds the files of one request (an upload, a
// post's attachments, a form's answers).
const maxFilesPerRequest = 5

// receiver says how receive treats a multipart request.
type receiver struct {
	// by is who uploads the files.
	by files.Uploader
	// owner names the files' owner; it is asked when the first file
	// arrives, so that it may depend on the text fields before it.
	owner func() (files.Owner, error)
	// isFile reports whether a part of that name is a file; nil: the
	// parts named "file".
	isFile func(name string) bool
	// field receives the other parts' text; nil refuses them.
	field func(name, value string) error
	// optional accepts a request without files.
	optional bool
}

// storedFile is a file receive stored, with the part's name it came in.
type storedFile struct {
	Field string
	File  files.File
}

// receive streams the file parts of a multipart request through the
// library as they arrive (nothing is parsed into memory or temporary
// files) and hands the text parts to r.field. A file part without a
// name and without content is a file input left empty, and skipped. A
// request stores all its files or none: on any failure the files it
// already stored are removed, and the error is returned.
func (s *server) receive(c *gin.Context, r receiver) ([]storedFile, error) {
	mr, err := multipartOf(c)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errNotMultipart, err)
	}
	if r.isFile == nil {
		r.isFile = func(name string) bool { return name == "file" }
	}
	ctx := c.Request.Context()
	var stored []storedFile
	for n := 0; ; n++ {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err == nil && n >= maxUploadParts {
			err = fmt.Errorf("portal: more than %d parts", maxUploadParts)
		}
		if err == nil {
			err = s.receivePart(ctx, part, r, &stored)
			part.Close()
		}
		if err != nil {
			s.removeStored(ctx, storedFiles(stored))
			return nil, err
		}
	}
	if len(stored) == 0 && !r.optional {
		return nil, errNoFile
	}
	return stored, nil
}

// receivePart stores a file part, or hands a text field to r.field.
func (s *server) receivePart(ctx context.Context, part partReader, r receiver, stored *[]storedFile) error {
	switch name := part.FormName(); {
	case r.isFile(name):
		return s.receiveFile(ctx, part, r, stored)
	case name == "csrf_token":
		_, err := io.Copy(io.Discard, io.LimitReader(part, maxFieldBytes))
		return err
	case r.field == nil, part.FileName() != "":
		return fmt.Errorf("%w: %q", errExtraField, name)
	}
	value, err := io.ReadAll(io.LimitReader(part, maxFieldBytes+1))
	switch {
	case err != nil:
		return err
	case len(value) > maxFieldBytes:
		return fmt.Errorf("%w: %q is too long", errExtraField, part.FormName())
	}
	return r.field(part.FormName(), string(value))
}

// receiveFile stores one file part, unless it is an empty file input.
func (s *server) receiveFile(ctx context.Context, part partReader, r receiver, stored *[]storedFile) error {
	body := bufio.NewReader(part)
	if _, err := body.Peek(1); errors.Is(err, io.EOF) && part.FileName() == "" {
		return nil // a file input left empty
	}
	if len(*stored) >= maxFilesPerRequest {
		return errTooManyFiles
	}
	owner, err := r.owner()
	if err != nil {
		return err
	}
	f, err := s.files.Upload(ctx, files.Upload{Owner: owner, Uploader: r.by, Name: part.FileName(), Body: body})
	if err != nil {
		return err
	}
	*stored = append(*stored, storedFile{Field: part.FormName(), File: f})
	return nil
}

// storedFiles lists the files of what receive stored.
func storedFiles(got []storedFile) []files.File {
	out := make([]files.File, 0, len(got))
	for _, g := range got {
		out = append(out, g.File)
	}
	return out
}

// fixedOwner is the owner function of files whose owner is known.
func fixedOwner(o files.Owner) func() (files.Owner, error) {
	return func() (files.Owner, error) { return o, nil }
}

// clientUploader is the signed-in client as the uploader of files.
func clientUploader(v *viewer) files.Uploader {
	return files.Uploader{Kind: files.ByContact, ID: v.p.ContactID, Name: v.contact.Name()}
}

// partReader is the part of a multipart.Part receive uses.
type partReader interface {
	io.Reader
	FormName() string
	FileName() string
}
