package portal

import "github.com/gin-gonic/gin"

// dashboardJSON is the overview in the API.
type dashboardJSON struct {
	Modules         map[string]bool `json:"modules"`
	UnpaidCount     int             `json:"unpaid_count"`
	OverdueCount    int             `json:"overdue_count"`
	AmountDue       []moneyJSON     `json:"amount_due"`
	UnpaidInvoices  []invoiceJSON   `json:"unpaid_invoices"`
	OpenQuotesCount int             `json:"open_quotes_count"`
	OpenQuotes      []quoteJSON     `json:"open_quotes"`
	NextTasks       []taskJSON      `json:"next_tasks"`
	NewFilesCount   int             `json:"new_files_count"`
	NewFiles        []fileJSON      `json:"new_files"`
	// OpenTickets and UnreadReplies are 0 while the tickets and messages
	// modules are off.
	OpenTickets   int `json:"open_tickets"`
	UnreadReplies int `json:"unread_replies"`
}

// dashboardAPI answers GET /api/v1/dashboard.
func (s *server) dashboardAPI(c *gin.Context) {
	d, err := s.loadDashboard(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	f := viewerOf(c).fmt
	out := dashboardJSON{Modules: d.Modules, UnpaidCount: d.UnpaidCount, OverdueCount: d.OverdueCount,
		OpenQuotesCount: d.QuotesCount, AmountDue: []moneyJSON{}, UnpaidInvoices: []invoiceJSON{},
		OpenQuotes: []quoteJSON{}, NextTasks: []taskJSON{}, NewFilesCount: d.NewFilesCount, NewFiles: []fileJSON{},
		OpenTickets: d.Conversations.OpenTickets, UnreadReplies: d.Conversations.UnreadReplies}
	for _, m := range d.AmountDue {
		out.AmountDue = append(out.AmountDue, f.money(m))
	}
	for _, i := range d.Unpaid {
		out.UnpaidInvoices = append(out.UnpaidInvoices, f.invoice(i))
	}
	for _, q := range d.OpenQuotes {
		out.OpenQuotes = append(out.OpenQuotes, f.quote(q))
	}
	for _, t := range d.NextTasks {
		out.NextTasks = append(out.NextTasks, task(t))
	}
	for _, f := range d.NewFiles {
		out.NewFiles = append(out.NewFiles, s.fileOut(viewerOf(c), f.File))
	}
	s.respond(c, view{JSON: out})
}
