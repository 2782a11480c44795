package portal

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors/files"
)

// maxUploadParts bounds the parts of one multipart request.
const maxUploadParts = 20

// maxFieldBytes bounds one text field of a multipart request.
const maxFieldBytes = 64 << 10

// uploadSlack is what a multipart request may carry besides its files'
// content: part headers, boundaries, the CSRF token and text fields.
const uploadSlack = 1 << 20

// Upload request errors.
var (
	errNotMultipart = errors.New("portal: the request is not multipart/form-data")
	errNoFile       = errors.New("portal: the request holds no file")
	errExtraField   = errors.New("portal: the request holds an unexpected field")
)

// receiveFiles stores the files of a multipart request as owner's files,
// uploaded by the viewer, streaming each "file" part through the library
// as it arrives (nothing is parsed into memory or temporary files). Other
// parts are text fields handed to field, which may refuse them; a nil
// field refuses every one. A request stores all its files or none: on any
// failure the files it already stored are removed, and the error is
// returned. Attachments on tickets and messages use it with a post as
// owner.
func (s *server) receiveFiles(c *gin.Context, owner files.Owner, field func(name, value string) error) ([]files.File, error) {
	mr, err := multipartOf(c)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errNotMultipart, err)
	}
	v := viewerOf(c)
	by := files.Uploader{Kind: files.ByContact, ID: v.p.ContactID, Name: v.contact.Name()}
	var stored []files.File
	for n := 0; ; n++ {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err == nil && n >= maxUploadParts {
			err = fmt.Errorf("portal: more than %d parts", maxUploadParts)
		}
		if err == nil {
			err = s.receivePart(c.Request.Context(), part, owner, by, field, &stored)
			part.Close()
		}
		if err != nil {
			s.removeStored(c.Request.Context(), stored)
			return nil, err
		}
	}
	if len(stored) == 0 {
		return nil, errNoFile
	}
	return stored, nil
}

// receivePart stores a "file" part, or hands a text field to field.
func (s *server) receivePart(ctx context.Context, part partReader, owner files.Owner, by files.Uploader,
	field func(name, value string) error, stored *[]files.File) error {
	switch name := part.FormName(); {
	case name == "file":
		f, err := s.files.Upload(ctx, files.Upload{Owner: owner, Uploader: by, Name: part.FileName(), Body: part})
		if err != nil {
			return err
		}
		*stored = append(*stored, f)
		return nil
	case name == "csrf_token":
		_, err := io.Copy(io.Discard, io.LimitReader(part, maxFieldBytes))
		return err
	case field == nil, part.FileName() != "":
		return fmt.Errorf("%w: %q", errExtraField, name)
	}
	value, err := io.ReadAll(io.LimitReader(part, maxFieldBytes+1))
	switch {
	case err != nil:
		return err
	case len(value) > maxFieldBytes:
		return fmt.Errorf("%w: %q is too long", errExtraField, part.FormName())
	}
	return field(part.FormName(), string(value))
}

// partReader is the part of a multipart.Part receivePart uses.
type partReader interface {
	io.Reader
	FormName() string
	FileName() string
}

// removeStored removes the files a failed request stored.
func (s *server) removeStored(ctx context.Context, stored []files.File) {
	for _, f := range stored {
		if err := s.files.Remove(ctx, f.ID); err != nil {
			s.log.WarnContext(ctx, "portal: remove a file of a failed upload", "file", f.ID, "err", err.Error())
		}
	}
}

// drainFor bounds how long a refused upload's rest is read.
const drainFor = 5 * time.Second

// drainUpload reads what is left of a refused upload (bounded by the
// request's body limit and drainFor) so that the browser, still sending,
// gets the answer rather than a reset connection.
func drainUpload(c *gin.Context) {
	rc := http.NewResponseController(c.Writer)
	if err := rc.SetReadDeadline(time.Now().Add(drainFor)); err != nil {
		return // not a real connection (tests)
	}
	_, _ = io.Copy(io.Discard, c.Request.Body)
	_ = rc.SetReadDeadline(time.Time{})
}

// filesUpload handles the files page's upload form: the file lands in
// the viewer's own library and the page is shown again.
func (s *server) filesUpload(c *gin.Context) {
	v := viewerOf(c)
	_, err := s.receiveFiles(c, files.ContactOwner(v.p.ContactID), nil)
	if err != nil {
		he := s.uploadError(err)
		s.log.InfoContext(c.Request.Context(), "portal: upload refused", "request_id", requestID(c), "status", he.Status,
			"err", err.Error())
		drainUpload(c)
		s.showFiles(c, he)
		return
	}
	c.Redirect(http.StatusSeeOther, s.base+"/files?done=uploaded")
}

// filesUploadAPI answers POST /api/v1/files: multipart with one or more
// "file" parts, stored in the viewer's own library; 201 with the files.
func (s *server) filesUploadAPI(c *gin.Context) {
	v := viewerOf(c)
	stored, err := s.receiveFiles(c, files.ContactOwner(v.p.ContactID), nil)
	if err != nil {
		drainUpload(c)
		s.fail(c, s.uploadError(err))
		return
	}
	out := listJSON[fileJSON]{Items: []fileJSON{}}
	for _, f := range stored {
		out.Items = append(out.Items, s.fileOut(v, f))
	}
	s.respond(c, view{Status: http.StatusCreated, JSON: out})
}
