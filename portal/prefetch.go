package portal

import (
	"context"

	"github.com/gin-gonic/gin"

	"clientgate/auth"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// prefetchReads has the sign-in service start, once it has read the
// session, the CRM reads that the requested page will make, so that they
// wait for the CRM while the contact's access is checked instead of after
// it. The page's own reads then join them: the cache coalesces identical
// reads and an adapter makes an identical call once per request
// (connectors.ReadOnce); with neither, a prefetched read is wasted work,
// never wrong data. What is prefetched is dropped: it only reaches the
// client through the page's own reads, after the access check passed.
func (s *server) prefetchReads(c *gin.Context) {
	if reads := s.prefetches[c.FullPath()]; reads != nil {
		auth.SetSessionHook(c, func(c *gin.Context, contactID string, settings bridge.ContactSettings) {
			s.prefetch(c, contactID, settings, reads)
		})
	}
	c.Next()
}

// prefetchRead is one list a page reads.
type prefetchRead struct {
	module string
	// paging is how the page reads the list; nil: as the request asks
	// (?limit=), first pages only.
	paging *connectors.PageRequest
	list   func(ctx context.Context, conn connectors.Connector, scope connectors.Scope, p connectors.PageRequest)
}

// prefetch starts reads for contactID, whose settings the sign-in service
// has read, in the background with the request's context (they end with
// the request).
func (s *server) prefetch(c *gin.Context, contactID string, settings bridge.ContactSettings, reads []prefetchRead) {
	asked, err := pageRequest(c)
	if err != nil || settings.PortalDisabled {
		return
	}
	ctx := c.Request.Context()
	scope := connectors.Scope{ContactID: contactID, WithCompany: settings.ShowsCompanyItems(s.companyDefault)}
	modules := s.effectiveModules(settings)
	for _, r := range reads {
		p := asked
		if r.paging != nil {
			p = *r.paging
		}
		if modules[r.module] && p.Cursor == "" { // a later page's cursor is the handler's to open
			go r.list(ctx, s.conn, scope, p)
		}
	}
}

// The lists prefetched: quotes and tasks, which CRMs such as Jetpack
// answer with calls of their own (invoices and payments come with the
// contact that the access check reads).
func listQuotes(ctx context.Context, conn connectors.Connector, scope connectors.Scope, p connectors.PageRequest) {
	_, _ = conn.ListQuotes(ctx, scope, p)
}

func listTasks(ctx context.Context, conn connectors.Connector, scope connectors.Scope, p connectors.PageRequest) {
	_, _ = conn.ListTasks(ctx, scope, p)
}

// setPrefetches names the reads of the pages that prefetch.
func (s *server) setPrefetches() {
	dash := &connectors.PageRequest{Limit: connectors.MaxLimit} // as collect reads
	dashboard := []prefetchRead{{modQuotes, dash, listQuotes}, {modTasks, dash, listTasks}}
	quotes := []prefetchRead{{modQuotes, nil, listQuotes}}
	tasks := []prefetchRead{{modTasks, nil, listTasks}}
	s.prefetches = map[string][]prefetchRead{
		s.base + "/": dashboard, "/api/v1/dashboard": dashboard,
		s.base + "/quotes": quotes, "/api/v1/quotes": quotes,
		s.base + "/tasks": tasks, "/api/v1/tasks": tasks,
	}
}
