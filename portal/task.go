package portal

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// taskData is one task's page with its message thread.
type taskData struct {
	Task     connectors.Task
	Messages *messagesSection
}

// taskPage shows one task or event, with its calendar link and message
// thread.
func (s *server) taskPage(c *gin.Context) {
	t, err := s.getTask(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Page: "task", Title: "tickets.task_heading", TitleArgs: []any{"Title", t.Title},
		Notice: messageNotices[c.Query("done")],
		Data:   taskData{Task: t, Messages: s.loadMessages(c, connectors.ItemRef{Kind: connectors.ThreadTask, ID: t.ID})}})
}

// messageNotices are the confirmations an item's page shows after a
// message, by ?done=.
var messageNotices = map[string]string{"message": "tickets.message_sent"}

// getTask loads the task named in the URL for the viewer.
func (s *server) getTask(c *gin.Context) (connectors.Task, error) {
	id, err := itemID(c)
	if err != nil {
		return connectors.Task{}, err
	}
	return s.conn.GetTask(c.Request.Context(), viewerOf(c).scope, id)
}
