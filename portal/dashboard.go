package portal

import (
	"context"
	"errors"
	"runtime/debug"
	"slices"
	"sort"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/sync/errgroup"

	"clientgate/connectors"
)

// dashboardPages bounds how many pages of each list the dashboard reads.
const dashboardPages = 5

// dashboardShown is how many items of each kind the dashboard lists.
const dashboardShown = 5

// dashboard is the overview of a contact's open business.
type dashboard struct {
	Modules      map[string]bool
	UnpaidCount  int
	OverdueCount int
	AmountDue    []connectors.Money // one per currency
	Unpaid       []connectors.Invoice
	OpenQuotes   []connectors.Quote
	QuotesCount  int
	NextTasks    []connectors.Task
	// NewFiles are files shared with the contact that they have not
	// downloaded yet (see newFilesWindow); NewFilesCount counts them all.
	NewFiles      []fileView
	NewFilesCount int
	// Conversations are the open tickets and unread replies (tickets and
	// messages modules).
	Conversations connectors.ConversationCounts
}

// loadDashboard reads the lists of the enabled modules concurrently.
func (s *server) loadDashboard(c *gin.Context) (dashboard, error) {
	v := viewerOf(c)
	d := dashboard{Modules: v.modules}
	g, ctx := errgroup.WithContext(c.Request.Context())
	if v.modules[modInvoices] {
		g.Go(guard(func() error { return s.dashInvoices(ctx, v.scope, &d) }))
	}
	if v.modules[modQuotes] {
		g.Go(guard(func() error { return s.dashQuotes(ctx, v.scope, &d) }))
	}
	if v.modules[modTasks] {
		g.Go(guard(func() error { return s.dashTasks(ctx, v.scope, &d) }))
	}
	if v.modules[modFiles] {
		g.Go(guard(func() error { return s.dashFiles(ctx, v, &d) }))
	}
	if v.modules[modTickets] || v.modules[modMessages] {
		g.Go(guard(func() (err error) {
			d.Conversations, err = s.conv.ConversationCounts(ctx, v.scope)
			return err
		}))
	}
	return d, g.Wait()
}

// guard turns a panic in f, which runs on its own goroutine where the
// recover middleware cannot see it, into an error with the stack.
func guard(f func() error) func() error {
	return func() (err error) {
		defer func() {
			if v := recover(); v != nil {
				err = errorf("panic: %v\n%s", v, debug.Stack())
			}
		}()
		return f()
	}
}

// collect reads up to dashboardPages pages of a list, keeping what keep
// accepts. ErrUnsupported ends the list quietly.
func collect[T any](ctx context.Context, list func(context.Context, connectors.PageRequest) (connectors.Page[T], error), keep func(T) bool) ([]T, error) {
	var out []T
	p := connectors.PageRequest{Limit: connectors.MaxLimit}
	for range dashboardPages {
		page, err := list(ctx, p)
		if errors.Is(err, connectors.ErrUnsupported) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		for _, item := range page.Items {
			if keep(item) {
				out = append(out, item)
			}
		}
		if page.Next == "" {
			break
		}
		p.Cursor = page.Next
	}
	return out, nil
}

func (s *server) dashInvoices(ctx context.Context, scope connectors.Scope, d *dashboard) error {
	open, err := collect(ctx, func(ctx context.Context, p connectors.PageRequest) (connectors.Page[connectors.Invoice], error) {
		return s.conn.ListInvoices(ctx, scope, p)
	}, func(i connectors.Invoice) bool { return i.Status.Open() })
	if err != nil {
		return err
	}
	due := map[string]int64{}
	for _, inv := range open {
		if inv.Status == connectors.InvoiceOverdue {
			d.OverdueCount++
		}
		due[inv.AmountDue.Currency] += inv.AmountDue.Minor
	}
	d.UnpaidCount = len(open)
	for cur, minor := range due {
		d.AmountDue = append(d.AmountDue, connectors.Money{Minor: minor, Currency: cur})
	}
	sort.Slice(d.AmountDue, func(i, j int) bool { return d.AmountDue[i].Currency < d.AmountDue[j].Currency })
	newestFirst(open, func(i connectors.Invoice) (time.Time, string) { return i.IssuedAt, i.Number })
	d.Unpaid = open[:min(len(open), dashboardShown)]
	return nil
}

func (s *server) dashQuotes(ctx context.Context, scope connectors.Scope, d *dashboard) error {
	open, err := collect(ctx, func(ctx context.Context, p connectors.PageRequest) (connectors.Page[connectors.Quote], error) {
		return s.conn.ListQuotes(ctx, scope, p)
	}, func(q connectors.Quote) bool { return q.Status == connectors.QuoteSent })
	if err != nil {
		return err
	}
	newestFirst(open, func(q connectors.Quote) (time.Time, string) { return q.IssuedAt, q.Number })
	d.QuotesCount = len(open)
	d.OpenQuotes = open[:min(len(open), dashboardShown)]
	return nil
}

func (s *server) dashTasks(ctx context.Context, scope connectors.Scope, d *dashboard) error {
	now := s.now()
	next, err := collect(ctx, func(ctx context.Context, p connectors.PageRequest) (connectors.Page[connectors.Task], error) {
		return s.conn.ListTasks(ctx, scope, p)
	}, func(t connectors.Task) bool { return !t.Complete && !t.Start.Before(now) })
	if err != nil {
		return err
	}
	slices.SortFunc(next, func(a, b connectors.Task) int { return a.Start.Compare(b.Start) })
	d.NextTasks = next[:min(len(next), dashboardShown)]
	return nil
}

// dashboardPage shows the overview.
func (s *server) dashboardPage(c *gin.Context) {
	d, err := s.loadDashboard(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Page: "dashboard", Title: "nav.overview", Data: d})
}
