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
)

// threadPageSize is how many posts a page of a thread shows.
const threadPageSize = 50

// threadView is one page of a thread as the pages show it: oldest first,
// with a link to the older posts.
type threadView struct {
	Posts []connectors.Post
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
	posts := slices.Clone(page.Items)
	slices.Reverse(posts)
	return threadView{Posts: posts, Older: nextLink(c, page.Next), First: c.Query("cursor") == ""}, nil
}

// postFormFor is the form of a thread's page: the refused post of this
// request, else a draft kept across a sign-in, else empty.
func (s *server) postFormFor(c *gin.Context, action string) postForm {
	if f, ok := refusedPost(c); ok {
		f.Action = action
		return f
	}
	f := postForm{Action: action}
	if draft, ok := s.takeFormDraft(c); ok {
		f.Body = draft.Get("body")
	}
	return f
}

// refusePost shows the page again (show) with the typed body and what is
// wrong with it, answering 422; other errors fail the request.
func (s *server) refusePost(c *gin.Context, err error, body string, show gin.HandlerFunc) {
	var verr *connectors.ValidationError
	if !errors.As(err, &verr) {
		s.fail(c, err)
		return
	}
	words := verr.Fields["body"]
	for _, w := range verr.Fields {
		words = cmp.Or(words, w)
	}
	c.Set(keyPostForm, postForm{Body: body, Error: textError(s.requestFormatter(c), words)})
	c.Set(keyPageStatus, http.StatusUnprocessableEntity)
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

// postFromForm posts the form's body with post; a refused text shows the
// page again (show) with it. It reports false when it answered the
// request.
func (s *server) postFromForm(c *gin.Context, show gin.HandlerFunc, post func(body string) (connectors.Post, error)) (connectors.Post, bool) {
	form, err := postedForm(c)
	if err != nil {
		s.fail(c, err)
		return connectors.Post{}, false
	}
	p, err := post(form.Get("body"))
	if err != nil {
		s.refusePost(c, err, form.Get("body"), show)
		return connectors.Post{}, false
	}
	return p, true
}
