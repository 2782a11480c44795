package portal

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// staffReplyPage adds a staff post and sets the thread's status (the
// form's, by default waiting for the client); a refused text shows the
// thread again with it.
func (s *server) staffReplyPage(c *gin.Context) {
	if c.ContentType() == "multipart/form-data" {
		s.staffReplyWithFiles(c)
		return
	}
	form, id, ok := s.staffForm(c)
	if !ok {
		return
	}
	status := connectors.TicketStatus(form.Get("status"))
	_, err := s.inbox.StaffReply(c.Request.Context(), staffActor(c), id, connectors.NewPost{Body: form.Get("body")}, status)
	if err != nil {
		s.refusePost(c, err, form.Get("body"), false, s.staffThreadPage)
		return
	}
	c.Redirect(http.StatusSeeOther, staffPath+"/threads/"+id+"?done=replied")
}

// staffReplyWithFiles is staffReplyPage for a multipart form: the reply
// with its attachments, uploaded by the staff member (no quota).
func (s *server) staffReplyWithFiles(c *gin.Context) {
	id, err := itemID(c)
	if err == nil {
		_, err = s.inbox.InboxThread(c.Request.Context(), id)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	a := staffActor(c)
	by := files.Uploader{Kind: files.ByStaff, ID: a.ID, Name: a.Name}
	_, _, fields, err := attachPost(s, c, by, []string{"body", "status"}, func(postID string, f map[string]string) (connectors.Post, error) {
		return s.inbox.StaffReply(c.Request.Context(), a, id, connectors.NewPost{ID: postID, Body: f["body"]}, connectors.TicketStatus(f["status"]))
	})
	if err != nil {
		s.refusePost(c, err, fields["body"], true, s.staffThreadPage)
		return
	}
	c.Redirect(http.StatusSeeOther, staffPath+"/threads/"+id+"?done=replied")
}

// staffStatusPage changes a thread's status.
func (s *server) staffStatusPage(c *gin.Context) {
	form, id, ok := s.staffForm(c)
	if !ok {
		return
	}
	if _, _, err := s.inbox.SetStatus(c.Request.Context(), staffActor(c), id, connectors.TicketStatus(form.Get("status"))); err != nil {
		s.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, staffPath+"/threads/"+id+"?done=status")
}

// staffAssignPage gives a thread to a staff member from the directory,
// or to nobody ("").
func (s *server) staffAssignPage(c *gin.Context) {
	form, id, ok := s.staffForm(c)
	if !ok {
		return
	}
	var to connectors.StaffMember
	if who := form.Get("assignee"); who != "" {
		m, err := s.store.StaffMember(c.Request.Context(), who)
		if err != nil {
			s.fail(c, messageError(http.StatusBadRequest, "staff.unknown_assignee"))
			return
		}
		to = connectors.StaffMember{ID: m.ID, Name: m.Name}
	}
	if _, _, err := s.inbox.Assign(c.Request.Context(), staffActor(c), id, to); err != nil {
		s.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, staffPath+"/threads/"+id+"?done=assigned")
}

// staffForm reads a staff action's form and the URL's thread ID; when
// either is bad it answers the request and reports false.
func (s *server) staffForm(c *gin.Context) (url.Values, string, bool) {
	id, err := itemID(c)
	if err != nil {
		s.fail(c, err)
		return nil, "", false
	}
	form, err := postedForm(c)
	if err != nil {
		s.fail(c, err)
		return nil, "", false
	}
	return form, id, true
}
