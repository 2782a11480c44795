package portal

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// routes registers every route on e. Without an Authenticator only the
// health routes exist.
func (s *server) routes(e *gin.Engine) {
	e.Use(s.recoverPanics, assignRequestID, s.accessLog)
	e.Use(s.extra...)
	e.Use(s.securityHeaders)
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		e.Handle(m, "/healthz", healthz)
		e.Handle(m, "/readyz", s.readyz)
	}
	e.NoRoute(s.rememberVisitorLanguage, func(c *gin.Context) { s.fail(c, errNotFound) })
	e.NoMethod(func(c *gin.Context) { s.fail(c, errMethod) })
	if s.auth == nil {
		return
	}
	e.Group(s.base+"/static", cacheFor(time.Hour)).StaticFS("/", s.pages.static)
	e.GET(s.base+"/theme.css", s.themeCSS)
	e.GET("/favicon.ico", func(c *gin.Context) { c.Redirect(http.StatusMovedPermanently, s.base+"/static/favicon.svg") })
	if s.base != "" {
		e.GET("/", func(c *gin.Context) { c.Redirect(http.StatusFound, s.base+"/") })
	}
	// Payments in flight are recorded while the portal is closed too.
	s.webhookRoutes(e)
	if !s.enabled {
		e.NoRoute(s.closedOrNotFound)
		return
	}
	s.auth.Routes(e.Group("", s.limitSignIn, s.authHooks, s.rememberVisitorLanguage))
	e.GET(s.base+"/calendar/:file", s.limitAddress, s.calendarFeed)
	e.NoRoute(s.rememberVisitorLanguage, s.notFoundOutsidePortal, s.limitAddress, s.authHooks, s.auth.Pages(),
		s.limitSession, s.loadViewer, func(c *gin.Context) { s.fail(c, errNotFound) })
	s.pageRoutes(e.Group(s.base, s.limitAddress, s.authHooks, s.rememberVisitorLanguage, s.prefetchReads, s.auth.Pages(),
		s.limitSession, s.checkCSRF, s.loadViewer))
	s.apiRoutes(e.Group("/api/v1", markAPI))
	s.conversationRoutes(e)
}

// conversationRoutes registers the unsubscribe link (no sign-in: its
// token is the secret) and, with an inbox, the staff pages.
func (s *server) conversationRoutes(e *gin.Engine) {
	e.GET(s.base+"/unsubscribe/:token", s.limitAddress, s.rememberVisitorLanguage, s.unsubscribePage)
	e.POST(s.base+"/unsubscribe/:token", s.limitAddress, s.rememberVisitorLanguage, s.unsubscribe)
	if s.inbox != nil {
		s.staffRoutes(e.Group(staffPath, s.limitAddress, s.authHooks, s.rememberVisitorLanguage, s.auth.Pages(),
			s.limitSession, s.checkCSRF, s.requireStaff))
	}
}

// pageRoutes registers the HTML pages.
func (s *server) pageRoutes(g *gin.RouterGroup) {
	decide := s.requireCapability(func(c connectors.Capabilities) bool { return c.DecideQuotes })
	g.GET("/", s.dashboardPage)
	g.POST("/preferences", s.savePreferences)

	d := g.Group("/details", s.requireModule(modDetails))
	d.GET("", s.detailsPage)
	d.GET("/edit", s.detailsEditPage)
	d.POST("", s.detailsSave)

	i := g.Group("/invoices", s.requireModule(modInvoices))
	i.GET("", s.invoicesPage)
	i.GET("/:id", s.pdfOr(s.invoicePDF), s.invoicePage)
	i.GET("/:id/print", s.invoicePrintPage)
	pay := i.Group("/:id", s.requireModule(modPayments))
	pay.POST("/pay", s.payInvoice)
	pay.GET("/payment/done", s.paymentReturnPage(true))
	pay.GET("/payment/canceled", s.paymentReturnPage(false))

	q := g.Group("/quotes", s.requireModule(modQuotes))
	q.GET("", s.quotesPage)
	q.GET("/:id", s.pdfOr(s.quotePDF), s.quotePage)
	q.GET("/:id/print", s.quotePrintPage)
	q.GET("/:id/accept", decide, s.quoteConfirmPage(true))
	q.GET("/:id/decline", decide, s.quoteConfirmPage(false))
	q.POST("/:id/accept", decide, s.quoteDecidePage(true))
	q.POST("/:id/decline", decide, s.quoteDecidePage(false))

	g.GET("/transactions", s.requireModule(modTransactions), s.transactionsPage)

	t := g.Group("/tasks", s.requireModule(modTasks))
	t.GET("", s.tasksPage)
	t.GET("/:id/ics", s.taskICS)
	t.GET("/calendar/revoke", s.calendarRevokePage)
	t.POST("/calendar/revoke", s.calendarRevoke)

	s.fileRoutes(g, false)
	s.formRoutes(g, false)
	s.ticketPageRoutes(g, i, q, t)
}

// ticketPageRoutes registers the tickets' pages, the task page and the
// message forms of the items' pages (i, q and t are their groups).
func (s *server) ticketPageRoutes(g, i, q, t *gin.RouterGroup) {
	t.GET("/:id", s.taskPage)
	msg := s.requireModule(modMessages)
	i.POST("/:id/messages", msg, s.postMessagePage(connectors.ThreadInvoice, s.invoicePage))
	q.POST("/:id/messages", msg, s.postMessagePage(connectors.ThreadQuote, s.quotePage))
	t.POST("/:id/messages", msg, s.postMessagePage(connectors.ThreadTask, s.taskPage))

	tk := g.Group("/tickets", s.requireModule(modTickets))
	tk.GET("", s.ticketsPage)
	tk.GET("/new", s.newTicketPage)
	tk.POST("", s.createTicketPage)
	tk.GET("/:id", s.ticketPage)
	tk.POST("/:id/replies", s.replyPage)
	s.allowPostUploads(tk, s.base)
	tk.POST("/:id/close", s.ticketStatusPage(false))
	tk.POST("/:id/reopen", s.ticketStatusPage(true))
}

// apiRoutes registers the JSON API; openapi.json needs no sign-in.
func (s *server) apiRoutes(api *gin.RouterGroup) {
	api.GET("/openapi.json", serveOpenAPI)
	g := api.Group("", s.limitAddress, s.prefetchReads, s.auth.API(), s.limitSession, s.checkCSRF, s.loadViewer)
	decide := s.requireCapability(func(c connectors.Capabilities) bool { return c.DecideQuotes })
	g.GET("/dashboard", s.dashboardAPI)
	g.GET("/me", s.requireModule(modDetails), s.meAPI)
	g.PATCH("/me", s.requireModule(modDetails), s.mePatchAPI)

	i := g.Group("", s.requireModule(modInvoices))
	i.GET("/invoices", s.invoicesAPI)
	i.GET("/invoices/:id", s.pdfOr(s.invoicePDF), s.invoiceAPI)
	i.POST("/invoices/:id/checkout", s.requireModule(modPayments), s.checkoutAPI)

	q := g.Group("", s.requireModule(modQuotes))
	q.GET("/quotes", s.quotesAPI)
	q.GET("/quotes/:id", s.pdfOr(s.quotePDF), s.quoteAPI)
	q.POST("/quotes/:id/accept", decide, s.quoteDecideAPI(true))
	q.POST("/quotes/:id/decline", decide, s.quoteDecideAPI(false))

	g.GET("/transactions", s.requireModule(modTransactions), s.transactionsAPI)
	t := g.Group("", s.requireModule(modTasks))
	t.GET("/tasks", s.tasksAPI)
	t.GET("/tasks.ics", s.tasksICSAPI)

	s.fileRoutes(g, true)
	s.formRoutes(g, true)
	s.ticketAPIRoutes(g, i, q, t)
}

// ticketAPIRoutes registers the tickets' API and the items' messages
// (i, q and t are the items' groups).
func (s *server) ticketAPIRoutes(g, i, q, t *gin.RouterGroup) {
	msg := s.requireModule(modMessages)
	for _, r := range []struct {
		g    *gin.RouterGroup
		path string
		kind connectors.ThreadKind
	}{{i, "/invoices", connectors.ThreadInvoice}, {q, "/quotes", connectors.ThreadQuote}, {t, "/tasks", connectors.ThreadTask}} {
		r.g.GET(r.path+"/:id/messages", msg, s.messagesAPI(r.kind))
		r.g.POST(r.path+"/:id/messages", msg, s.postMessageAPI(r.kind))
	}
	tk := g.Group("/tickets", s.requireModule(modTickets))
	tk.GET("", s.ticketsAPI)
	tk.POST("", s.createTicketAPI)
	tk.GET("/:id", s.ticketAPI)
	tk.POST("/:id/replies", s.replyAPI)
	s.allowPostUploads(tk, "/api/v1")
	tk.POST("/:id/close", s.ticketStatusAPI(false))
	tk.POST("/:id/reopen", s.ticketStatusAPI(true))
}

// cacheFor lets browsers keep an answer for d.
func cacheFor(d time.Duration) gin.HandlerFunc {
	value := "public, max-age=" + strconv.Itoa(int(d.Seconds()))
	return func(c *gin.Context) {
		c.Header("Cache-Control", value)
		c.Next()
	}
}
