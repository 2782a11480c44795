package portal

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// FileNotifier tells a client of files staff shared with them; package
// notify implements it with a durable job.
type FileNotifier interface {
	// FilesShared queues the email telling the contact of the files
	// (their IDs), sent once, in their language, unless they turned
	// emails off.
	FilesShared(ctx context.Context, contactID string, fileIDs []string) error
}

// staffFilesData is the page where staff find the client to share files
// with.
type staffFilesData struct {
	Email string
	Error string
}

// staffFileRoutes registers the staff's file pages, when the portal
// keeps files.
func (s *server) staffFileRoutes(g *gin.RouterGroup) {
	if s.files == nil {
		return
	}
	g.GET("/files", s.staffFilesPage)
	g.GET("/files/:id", s.staffFileDownload)
	g.GET("/contacts/:id/files", s.staffSharePage)
	g.POST("/contacts/:id/files", s.staffShare)
	s.allowUploads(staffPath + "/contacts/:id/files")
}

// staffFilesPage finds the client with ?email= and goes to their files;
// without it, or when nobody (or several) has it, it shows the search.
func (s *server) staffFilesPage(c *gin.Context) {
	email := strings.TrimSpace(c.Query("email"))
	d := staffFilesData{Email: email}
	status := http.StatusOK
	if email != "" {
		contact, err := s.conn.FindContactByEmail(c.Request.Context(), email)
		switch {
		case err == nil:
			c.Redirect(http.StatusSeeOther, staffPath+"/contacts/"+url.PathEscape(contact.ID)+"/files")
			return
		case errors.Is(err, connectors.ErrNotFound), errors.Is(err, connectors.ErrInvalid):
			d.Error, status = "staff.invite.no_contact", http.StatusNotFound
		case errors.Is(err, connectors.ErrAmbiguous):
			d.Error, status = "staff.invite.ambiguous", http.StatusConflict
		default:
			s.fail(c, err)
			return
		}
	}
	s.respond(c, view{Status: status, Page: "staff_files", Title: "sharing.heading", Data: d})
}

// staffFileDownload serves any file to staff: a client's library file, a
// company's, or an attachment of any thread.
func (s *server) staffFileDownload(c *gin.Context) {
	f, body, err := s.files.Open(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	defer body.Close()
	s.sendFile(c, f, body)
}
