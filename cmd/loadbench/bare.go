package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

// money and the types below mirror the shape of /api/v1/invoices.
type money struct {
	Minor    int64  `json:"minor"`
	Currency string `json:"currency"`
	Display  string `json:"display"`
}

type line struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Quantity    string `json:"quantity"`
	UnitPrice   money  `json:"unit_price"`
	Total       money  `json:"total"`
}

type invoice struct {
	ID        string     `json:"id"`
	Number    string     `json:"number"`
	Status    string     `json:"status"`
	IssuedAt  *time.Time `json:"issued_at"`
	DueAt     *time.Time `json:"due_at"`
	PaidAt    *time.Time `json:"paid_at"`
	Subtotal  money      `json:"subtotal"`
	Discount  money      `json:"discount"`
	Tax       money      `json:"tax"`
	Total     money      `json:"total"`
	AmountDue money      `json:"amount_due"`
	Lines     []line     `json:"lines"`
	PayURL    string     `json:"pay_url"`
	Notes     string     `json:"notes"`
	CompanyID string     `json:"company_id"`
}

type invoicePage struct {
	Items      []invoice `json:"items"`
	NextCursor string    `json:"next_cursor"`
}

// samplePage returns a page of n invoices of two lines each.
func samplePage(n int) invoicePage {
	issued := time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)
	due := issued.AddDate(0, 0, 30)
	eur := func(minor int64) money {
		return money{Minor: minor, Currency: "EUR", Display: fmt.Sprintf("€%d.%02d", minor/100, minor%100)}
	}
	page := invoicePage{Items: make([]invoice, 0, n)}
	for i := range n {
		page.Items = append(page.Items, invoice{
			ID: fmt.Sprint(1000 + i), Number: fmt.Sprintf("INV-2026-%03d", i+1), Status: "unpaid",
			IssuedAt: &issued, DueAt: &due,
			Subtotal: eur(171000), Discount: eur(0), Tax: eur(32490), Total: eur(203490), AmountDue: eur(203490),
			Lines: []line{
				{Title: "Brand workshop", Description: "One-day workshop with your team", Quantity: "1", UnitPrice: eur(120000), Total: eur(120000)},
				{Title: "Logo refinements", Description: "Hours", Quantity: "6", UnitPrice: eur(8500), Total: eur(51000)},
			},
			PayURL: "https://pay.example.com/northwind/INV-2026-001", Notes: "Thank you for your business.",
		})
	}
	return page
}

// bareEngine is a Gin engine with no middleware and two routes that
// answer page on every request as clientgate's do: GET /api/v1/invoices
// encodes it as JSON, GET /clients/invoices renders it with html/template.
func bareEngine(page invoicePage) *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	e.GET("/api/v1/invoices", func(c *gin.Context) { c.JSON(http.StatusOK, page) })
	addBareHTML(e, page)
	return e
}

// serveBareMode is the hidden first argument that makes loadbench serve
// the bare engine itself, as a child process: the baseline then runs in a
// process of its own, like clientgate, rather than inside the load
// generator.
const serveBareMode = "serve-bare"

// serveBare serves bareEngine with a page of n invoices on args' address
// (args: address, n) until the process is stopped; GET /readyz answers
// once it listens.
func serveBare(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("want an address and an invoice count, got %q", args)
	}
	addr := args[0]
	n, err := strconv.Atoi(args[1])
	if err != nil {
		return err
	}
	e := bareEngine(samplePage(n))
	e.GET("/readyz", func(c *gin.Context) { c.String(http.StatusOK, "ready") })
	srv := &http.Server{Addr: addr, Handler: e, ReadHeaderTimeout: 10 * time.Second}
	return srv.ListenAndServe()
}

// bareServer is the running bare baseline.
type bareServer struct {
	proc *child
	base string
}

// jsonTarget is the bare baseline's JSON page.
func (s *bareServer) jsonTarget(name string) Target {
	return Target{Name: name, URL: s.base + "/api/v1/invoices", PID: s.proc.pid()}
}

// pageTarget is the bare baseline's HTML page.
func (s *bareServer) pageTarget(name string) Target {
	return Target{Name: name, URL: s.base + "/clients/invoices", PID: s.proc.pid(), Accept: "text/html", Check: checkRows}
}

// startBare runs this program again in serveBareMode on a free port and
// returns it once it answers.
func startBare(ctx context.Context, o *options, logPath string) (*bareServer, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("bare gin: %w", err)
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, fmt.Errorf("bare gin: %w", err)
	}
	c, err := startChild(nil, logPath, self, serveBareMode, addr, strconv.Itoa(o.invoices))
	if err != nil {
		return nil, fmt.Errorf("bare gin: %w", err)
	}
	if err := c.waitReady(ctx, "http://"+addr, o.readyTimeout); err != nil {
		c.stop()
		return nil, fmt.Errorf("bare gin: %w", err)
	}
	return &bareServer{proc: c, base: "http://" + addr}, nil
}
