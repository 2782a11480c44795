package portal

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// filesData is the files page.
type filesData struct {
	Files []fileView
	Next  string
	Paged bool
	// Upload is the form to send the company a file.
	Upload uploadForm
}

// uploadForm is the upload form's limits and its error, if any.
type uploadForm struct {
	MaxSize int64
	Quota   int64
	Used    int64
	// Accept lists the allowed media types for the file picker.
	Accept string
	// Error is the message ID of what was wrong with the upload just
	// sent, shown next to the field.
	Error string
}

// filesPage shows the viewer's files, newest first, and the upload form.
func (s *server) filesPage(c *gin.Context) {
	s.showFiles(c, nil)
}

// showFiles renders the files page, with the error of the upload just
// sent, if any, next to the form and as the page's status.
func (s *server) showFiles(c *gin.Context, uploadErr *httpError) {
	page, err := s.listFiles(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	v := viewerOf(c)
	d := filesData{Next: nextLink(c, page.Next), Paged: c.Query("cursor") != "", Upload: s.uploadLimits(c, v)}
	status := http.StatusOK
	if uploadErr != nil {
		d.Upload.Error, status = uploadErr.Detail, uploadErr.Status
	}
	for _, f := range page.Items {
		d.Files = append(d.Files, s.viewFile(v, f))
	}
	notice := ""
	if c.Query("done") == "uploaded" && uploadErr == nil {
		notice = "files.uploaded"
	}
	s.respond(c, view{Status: status, Page: "files", Title: "files.heading", Notice: notice, Data: d})
}

// uploadLimits fills the upload form's limits and the viewer's usage.
func (s *server) uploadLimits(c *gin.Context, v *viewer) uploadForm {
	l := s.files.Limits()
	u := uploadForm{MaxSize: l.MaxSize, Quota: l.Quota, Accept: strings.Join(l.Types, ",")}
	if l.Quota > 0 {
		used, err := s.files.Usage(c.Request.Context(), v.p.ContactID)
		if err != nil {
			s.log.WarnContext(c.Request.Context(), "portal: files usage", "err", err.Error())
		}
		u.Used = used
	}
	return u
}
