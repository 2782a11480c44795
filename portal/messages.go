package portal

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// messagesSection is the message thread on an item's page (the partial
// template "messages"); nil when the messages module is off.
type messagesSection struct {
	// Status is the thread's status, "" before the first message.
	Status connectors.TicketStatus
	Thread threadView
	Form   postForm
	// Failed is true when the thread could not be read (the page is shown
	// anyway).
	Failed bool
	// FileBase is where the attachments' links start.
	FileBase string
}

// itemModules are the item kinds with a message thread, by the module
// whose pages show them.
var itemModules = map[connectors.ThreadKind]string{
	connectors.ThreadInvoice: modInvoices, connectors.ThreadQuote: modQuotes, connectors.ThreadTask: modTasks,
}

// itemMessages is ListMessages of one item.
func (s *server) itemMessages(item connectors.ItemRef) func(context.Context, connectors.Scope, connectors.PageRequest) (connectors.Page[connectors.Post], error) {
	return func(ctx context.Context, sc connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Post], error) {
		return s.conv.ListMessages(ctx, sc, item, p)
	}
}

// messagesKind is the sealed cursors' list name of an item's thread.
func messagesKind(item connectors.ItemRef) string {
	return "messages:" + string(item.Kind) + ":" + item.ID
}

// loadMessages is the item page's data loader: the viewer's thread of an
// item the page has just read under the viewer's scope (so the viewer
// may see it), marked read. A store failure is logged and the page
// shown without the thread.
func (s *server) loadMessages(c *gin.Context, item connectors.ItemRef) *messagesSection {
	v := viewerOf(c)
	if !v.modules[modMessages] {
		return nil
	}
	sec := &messagesSection{Form: s.postFormFor(c, s.itemURL(itemModules[item.Kind], item.ID)+"/messages"), FileBase: s.base + "/files/"}
	ctx := c.Request.Context()
	t, err := s.conv.ItemThread(ctx, v.scope, item)
	if err == nil {
		sec.Status = t.Status
		sec.Thread, err = s.threadPage(c, messagesKind(item), v.scope, s.itemMessages(item))
		s.markRead(c, t)
	}
	if err != nil && !isNotFound(err) {
		s.log.ErrorContext(ctx, "portal: read an item's messages", "kind", item.Kind, "request_id", requestID(c), "err", err.Error())
		sec.Failed = true
	}
	return sec
}

// checkItem reads the URL's item of kind under the viewer's scope, so
// that its thread is touched only when the viewer may see the item.
func (s *server) checkItem(c *gin.Context, kind connectors.ThreadKind) (connectors.ItemRef, error) {
	id, err := itemID(c)
	if err != nil {
		return connectors.ItemRef{}, err
	}
	ctx, scope := c.Request.Context(), viewerOf(c).scope
	switch kind {
	case connectors.ThreadInvoice:
		_, err = s.conn.GetInvoice(ctx, scope, id)
	case connectors.ThreadQuote:
		_, err = s.conn.GetQuote(ctx, scope, id)
	case connectors.ThreadTask:
		_, err = s.conn.GetTask(ctx, scope, id)
	default:
		err = errNotFound
	}
	return connectors.ItemRef{Kind: kind, ID: id}, err
}

// postMessage adds the viewer's message (with the post ID given, "" for
// any) to item, which checkItem read.
func (s *server) postMessage(c *gin.Context, item connectors.ItemRef, id, body string) (connectors.Post, error) {
	v := viewerOf(c)
	return s.conv.PostMessage(c.Request.Context(), v.scope, item, connectors.NewPost{ID: id, Body: body, AuthorName: v.contact.Name()})
}

// postMessagePage handles an item page's message form; show is the
// item's page, shown again with the typed text when it is refused.
func (s *server) postMessagePage(kind connectors.ThreadKind, show gin.HandlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		item, err := s.checkItem(c, kind)
		if err != nil {
			s.fail(c, err)
			return
		}
		p, ok := s.postFromForm(c, clientUploader(viewerOf(c)), show, func(id, body string) (connectors.Post, error) {
			return s.postMessage(c, item, id, body)
		})
		if !ok {
			return
		}
		c.Redirect(http.StatusSeeOther, s.itemURL(itemModules[kind], c.Param("id"))+"?done=message#post-"+p.ID)
	}
}

// messagesAPI answers GET /api/v1/{invoices|quotes|tasks}/{id}/messages:
// a page of the thread, newest first; reading it marks it read.
func (s *server) messagesAPI(kind connectors.ThreadKind) gin.HandlerFunc {
	return func(c *gin.Context) {
		item, err := s.checkItem(c, kind)
		if err != nil {
			s.fail(c, err)
			return
		}
		out := messagesJSON{Items: []postJSON{}}
		t, err := s.conv.ItemThread(c.Request.Context(), viewerOf(c).scope, item)
		if err != nil && !isNotFound(err) {
			s.fail(c, err)
			return
		}
		page, err := listPage(s, c, messagesKind(item), s.itemMessages(item))
		var list listJSON[postJSON]
		if err == nil {
			list, err = s.postsJSON(c.Request.Context(), page)
		}
		if err != nil {
			s.fail(c, err)
			return
		}
		out.Status, out.Items, out.NextCursor = string(t.Status), list.Items, list.NextCursor
		if t.ID != "" {
			s.markRead(c, t)
		}
		s.respond(c, view{JSON: out})
	}
}

// postMessageAPI answers POST /api/v1/{invoices|quotes|tasks}/{id}/messages
// with the new post.
func (s *server) postMessageAPI(kind connectors.ThreadKind) gin.HandlerFunc {
	return func(c *gin.Context) {
		item, err := s.checkItem(c, kind)
		if err != nil {
			s.fail(c, err)
			return
		}
		s.postAPI(c, func(id, body string) (connectors.Post, error) { return s.postMessage(c, item, id, body) })
	}
}

// postAPI reads a JSON {"body"}, or a multipart body with "file" parts
// (the post's attachments), and answers 201 with the post that post made
// of it (with the ID given, "" for any) and its files.
func (s *server) postAPI(c *gin.Context, post func(id, body string) (connectors.Post, error)) {
	if c.ContentType() == "multipart/form-data" {
		p, stored, _, err := attachPost(s, c, clientUploader(viewerOf(c)), []string{"body"},
			func(id string, f map[string]string) (connectors.Post, error) { return post(id, f["body"]) })
		if err != nil {
			s.failPost(c, err)
			return
		}
		s.respond(c, view{Status: created, JSON: postWithFiles(p, stored)})
		return
	}
	fields, err := readFields(c, c.Request.Body, "body")
	if err != nil {
		s.fail(c, err)
		return
	}
	p, err := post("", fields["body"])
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Status: created, JSON: postOf(p)})
}

// isNotFound reports a connector's "not found".
func isNotFound(err error) bool { return errors.Is(err, connectors.ErrNotFound) }
