package portal

import (
	"html/template"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// tasksData is the appointments page.
type tasksData struct {
	Tasks   []connectors.Task
	Next    string
	Paged   bool
	FeedURL string
	// WebcalURL opens calendar apps; a template.URL since html/template
	// does not know the webcal: scheme (it is built from our public URL).
	WebcalURL template.URL
}

// listTasks loads one page of the viewer's tasks.
func (s *server) listTasks(c *gin.Context) (connectors.Page[connectors.Task], error) {
	page, err := listPage(s, c, "tasks", s.conn.ListTasks)
	newestFirst(page.Items, func(t connectors.Task) (time.Time, string) { return t.Start, t.Title })
	return page, err
}

// tasksPage shows tasks and events with their calendar links and the
// contact's private feed URL.
func (s *server) tasksPage(c *gin.Context) {
	page, err := s.listTasks(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	token, err := s.store.CalendarToken(c.Request.Context(), viewerOf(c).contact.ID)
	if err != nil {
		s.fail(c, errorf("calendar token: %w", err))
		return
	}
	feed := s.feedURL(token)
	s.respond(c, view{Page: "tasks", Title: "tasks.heading", Notice: calendarNotices[c.Query("done")],
		Data: tasksData{Tasks: page.Items, Next: nextLink(c, page.Next),
			Paged: c.Query("cursor") != "", FeedURL: feed, WebcalURL: template.URL(webcalURL(feed))}})
}

// tasksAPI answers GET /api/v1/tasks.
func (s *server) tasksAPI(c *gin.Context) {
	page, err := s.listTasks(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	respondList(s, c, page, task)
}
