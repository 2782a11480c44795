package portal

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
)

// threadPageSize is how many posts a page of a thread shows.
const threadPageSize = 50

// threadView is one page of a thread as the pages show it: oldest first,
// with a link to the older posts.
type threadView struct {
	Posts []postView
	Older string
	// First is true on the newest page, which the reply form follows.
	First bool
}

// postForm is a form that writes a post: where it goes, what was typed
// and, after a refused post, what is wrong with it.
type postForm struct {
	Action string
	Body   string
	Error  string
	// Attach is the file input's settings; nil: the form takes no files.
	Attach *attachForm
	// FileError is the message ID of what was wrong with the files just
	// sent; FilesLost says files were sent and must be chosen again.
	FileError string
	FilesLost bool
}

// keyPostForm keeps a refused post's form for the page shown again.
const keyPostForm = "portal.postform"

// refusedPost returns the form of a post refused on this request, if any.
func refusedPost(c *gin.Context) (postForm, bool) {
	v, ok := c.Get(keyPostForm)
	f, _ := v.(postForm)
	return f, ok
}

// threadPage reads one page of a thread's posts with the request's
// sealed cursor (bound to scope and the thread) and turns it oldest
// first for the page.
func (s *server) threadPage(c *gin.Context, kind string, scope connectors.Scope,
	list func(context.Context, connectors.Scope, connectors.PageRequest) (connectors.Page[connectors.Post], error)) (threadView, error) {
	page, err := sealedPage(s, c, kind, scope, func(ctx context.Context, sc connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Post], error) {
		p.Limit = cmp.Or(p.Limit, threadPageSize)
		return list(ctx, sc, p)
	})
	if err != nil {
		return threadView{}, err
	}
	posts, err := s.withFiles(c.Request.Context(), page.Items)
	if err != nil {
		return threadView{}, err
	}
	slices.Reverse(posts)
	return threadView{Posts: posts, Older: nextLink(c, page.Next), First: c.Query("cursor") == ""}, nil
}

// postFormFor is the form of a thread's page: the refused post of this
// request, else a draft kept across a sign-in, else empty; with the file
// input when the portal keeps files.
func (s *server) postFormFor(c *gin.Context, action string) postForm {
	if f, ok := refusedPost(c); ok {
		f.Action, f.Attach = action, s.attachments()
		return f
	}
	f := postForm{Action: action, Attach: s.attachments()}
	if draft, ok := s.takeFormDraft(c); ok {
		f.Body = draft.Get("body")
	}
	return f
}

// refusePost shows the page again (show) with the typed body and what is
// wrong with it or with the files sent (whose status it answers, 422 for
// the text); other errors fail the request. sentFiles says the request
// was multipart: its files, if any, must be chosen again.
func (s *server) refusePost(c *gin.Context, err error, body string, sentFiles bool, show gin.HandlerFunc) {
	var verr *connectors.ValidationError
	f := postForm{Body: body, FilesLost: sentFiles}
	status := http.StatusUnprocessableEntity
	switch {
	case errors.As(err, &verr):
		words := verr.Fields["body"]
		for _, w := range verr.Fields {
			words = cmp.Or(words, w)
		}
		f.Error = textError(s.requestFormatter(c), words)
	case isFileProblem(err):
		he := s.uploadError(err)
		f.FileError, status = he.Detail, he.Status
		drainUpload(c)
	default:
		s.fail(c, err)
		return
	}
	c.Set(keyPostForm, f)
	c.Set(keyPageStatus, status)
	show(c)
}

// requestFormatter is the viewer's formatter, or a visitor's (the staff
// pages) in the request's language.
func (s *server) requestFormatter(c *gin.Context) formatter {
	if v := viewerOf(c); v != nil {
		return v.fmt
	}
	return s.formatterFor(c, bridge.Preferences{}, "")
}

// postFromForm posts the form's body with post, which makes the post
// (with the ID given, "" for any); a multipart form's files are stored
// first as the post's attachments (see attachPost). A refused text or
// file shows the page again (show) with it. It reports false when it
// answered the request.
func (s *server) postFromForm(c *gin.Context, by files.Uploader, show gin.HandlerFunc,
	post func(id, body string) (connectors.Post, error)) (connectors.Post, bool) {
	var p connectors.Post
	var body string
	multi := c.ContentType() == "multipart/form-data"
	if multi {
		var fields map[string]string
		var err error
		p, _, fields, err = attachPost(s, c, by, []string{"body"}, func(id string, f map[string]string) (connectors.Post, error) {
			return post(id, f["body"])
		})
		if err != nil {
			s.refusePost(c, err, fields["body"], true, show)
			return connectors.Post{}, false
		}
		return p, true
	}
	form, err := postedForm(c)
	if err != nil {
		s.fail(c, err)
		return connectors.Post{}, false
	}
	body = form.Get("body")
	if p, err = post("", body); err != nil {
		s.refusePost(c, err, body, false, show)
		return connectors.Post{}, false
	}
	return p, true
}
