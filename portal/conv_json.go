package portal

import (
	"io"
	"net/http"
	"slices"
	"time"

	"clientgate/connectors"
)

// ticketJSON is a ticket in the API.
type ticketJSON struct {
	ID       string `json:"id"`
	Subject  string `json:"subject"`
	Category string `json:"category"`
	// Form is the key of the form the ticket was submitted through.
	Form   string `json:"form"`
	Status string `json:"status"`
	// Assignee is the name of the staff member handling the ticket.
	Assignee  string    `json:"assignee"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Posts     int       `json:"posts"`
	Unread    int       `json:"unread"`
}

// ticketDetailJSON is a ticket with one page of its thread, newest first.
type ticketDetailJSON struct {
	ticketJSON
	Thread listJSON[postJSON] `json:"thread"`
}

// postJSON is one post of a thread in the API; Body is plain text.
type postJSON struct {
	ID         string    `json:"id"`
	Author     string    `json:"author"`
	AuthorName string    `json:"author_name"`
	Body       string    `json:"body"`
	CreatedAt  time.Time `json:"created_at"`
	// Files are the post's attachments, oldest first.
	Files []attachmentJSON `json:"files"`
}

// messagesJSON is the message thread of an item in the API.
type messagesJSON struct {
	// Status is the thread's status, "" before the first message.
	Status     string     `json:"status"`
	Items      []postJSON `json:"items"`
	NextCursor string     `json:"next_cursor"`
}

func ticketOf(t connectors.Thread) ticketJSON {
	return ticketJSON{ID: t.ID, Subject: t.Subject, Category: t.Category, Form: t.Form, Status: string(t.Status),
		Assignee: t.Assignee.Name, CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt, Posts: t.Posts, Unread: t.Unread}
}

func postOf(p connectors.Post) postJSON {
	return postJSON{ID: p.ID, Author: string(p.Author), AuthorName: p.AuthorName, Body: p.Body, CreatedAt: p.CreatedAt,
		Files: []attachmentJSON{}}
}

// errUnknownCategory is the field error of a category not configured.
const errUnknownCategory = "is not one of the categories"

// readFields reads a JSON object of strings with the allowed names; any
// other name is a field error, as is text that is not valid UTF-8.
func readFields(c interface{ ContentType() string }, body io.Reader, allowed ...string) (map[string]string, error) {
	if ct := c.ContentType(); ct != "application/json" {
		return nil, errMediaType
	}
	raw, err := readObject(body)
	if err != nil {
		return nil, err
	}
	var verr connectors.ValidationError
	for name := range raw {
		if !slices.Contains(allowed, name) {
			verr.Add(name, "is not a known field")
			delete(raw, name)
		}
	}
	fields, err := decodeStrings(raw)
	return fields, mergeProblems(verr.OrNil(), err)
}

// created is the status of an answer that made a ticket or post.
const created = http.StatusCreated
