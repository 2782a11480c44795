package portal

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// maxFeedPages bounds how many pages of tasks a calendar holds.
const maxFeedPages = 5

// taskICS downloads one task as an .ics file ("add to calendar").
func (s *server) taskICS(c *gin.Context) {
	t, err := s.getTask(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	if t.Start.IsZero() {
		s.fail(c, errNotFound) // a task without a date is no calendar event
		return
	}
	s.writeCalendar(c, "", safeFilename("task-"+t.ID+".ics"), viewerOf(c).fmt.where().String(), []connectors.Task{t})
}

// tasksICSAPI answers GET /api/v1/tasks.ics with the viewer's tasks.
func (s *server) tasksICSAPI(c *gin.Context) {
	tasks, err := s.allTasks(c, viewerOf(c).scope)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.writeCalendar(c, s.brand.Name, "tasks.ics", viewerOf(c).fmt.where().String(), tasks)
}

// allTasks loads up to maxFeedPages pages of a scope's tasks.
func (s *server) allTasks(c *gin.Context, scope connectors.Scope) ([]connectors.Task, error) {
	var out []connectors.Task
	p := connectors.PageRequest{Limit: connectors.MaxLimit}
	for range maxFeedPages {
		page, err := s.conn.ListTasks(c.Request.Context(), scope, p)
		if err != nil {
			return nil, err
		}
		out = append(out, page.Items...)
		if page.Next == "" {
			break
		}
		p.Cursor = page.Next
	}
	return out, nil
}
