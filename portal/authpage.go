package portal

import (
	"github.com/gin-gonic/gin"

	"clientgate/auth"
)

// authHooks lets the sign-in service show its pages in the portal's
// layout and keep forms posted after a session ended.
func (s *server) authHooks(c *gin.Context) {
	auth.SetPageRenderer(c, s.renderAuthPage)
	auth.SetFormKeeper(c, s.keepForm)
	c.Next()
}

// renderAuthPage shows a sign-in service's page (a refused sign-in,
// revoked access) inside the portal's layout, in the client's language,
// with the business's contact details.
func (s *server) renderAuthPage(c *gin.Context, p auth.Page) {
	s.renderPage(c, view{Status: p.Status, Page: "error", Title: p.Title, TitleArgs: p.Args,
		Localize: func(f formatter) any {
			e := errorPage{Title: f.T(p.Title, p.Args...), Detail: f.T(p.Message, p.Args...),
				Retry: p.Retry, ProviderSignOut: p.ProviderSignOut}
			if p.Next != "" {
				e.Next = f.T(p.Next, p.Args...)
			}
			return e
		}}, false, 0)
}
