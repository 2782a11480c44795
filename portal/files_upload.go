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
	errTooManyFiles = fmt.Errorf("portal: the request holds more than %d files", maxFilesPerRequest)
)

// receiveFiles stores the files of a multipart request as owner's files,
// uploaded by the viewer: receive with every "file" part stored, other
// parts handed to field (nil refuses them), and at least one file.
func (s *server) receiveFiles(c *gin.Context, owner files.Owner, field func(name, value string) error) ([]files.File, error) {
	got, err := s.receive(c, receiver{by: clientUploader(viewerOf(c)), owner: fixedOwner(owner), field: field})
	return storedFiles(got), err
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
