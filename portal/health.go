package portal

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// ReadyCheck is one named check of /readyz.
type ReadyCheck struct {
	// Name names the check in /readyz?verbose, such as "store".
	Name string
	// Check returns a short detail safe to show to anyone (no addresses,
	// no credentials) and nil when the check passes. The error is logged
	// with the request ID, never shown.
	Check func(ctx context.Context) (detail string, err error)
	// Informational checks are shown by /readyz?verbose but never make
	// the replica unready: the CRM's health is one, since a CRM outage
	// must not take every replica out of its load balancer at once.
	Informational bool
}

// readyTimeout bounds one readiness check.
const readyTimeout = 5 * time.Second

// healthz answers that the process is alive.
func healthz(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	c.String(http.StatusOK, "ok\n")
}

// readyz answers 200 when every required check passes, else 503. With
// ?verbose it lists every check, one line each: "[+] name: detail" for a
// pass, "[-] name: failed: detail" for a failure and "[i]" before an
// informational check, whose failure changes nothing.
func (s *server) readyz(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	results := s.runReadyChecks(c.Request.Context())
	ready := true
	var b strings.Builder
	for i, r := range results {
		chk := s.readyChecks[i]
		mark := "[+] "
		switch {
		case chk.Informational:
			mark = "[i] "
		case r.err != nil:
			mark = "[-] "
			ready = false
		}
		if r.err != nil {
			s.log.WarnContext(c.Request.Context(), "portal: readiness check failed", "check", chk.Name,
				"informational", chk.Informational, "err", r.err.Error())
		}
		b.WriteString(mark + chk.Name + ": " + r.text() + "\n")
	}
	status, summary := http.StatusOK, "ready\n"
	if !ready {
		status, summary = http.StatusServiceUnavailable, "not ready\n"
	}
	if _, verbose := c.GetQuery("verbose"); verbose {
		summary = b.String() + summary
	}
	c.String(status, summary)
}

// readyResult is the outcome of one check.
type readyResult struct {
	detail string
	err    error
}

func (r readyResult) text() string {
	switch {
	case r.err != nil && r.detail != "":
		return "failed: " + r.detail
	case r.err != nil:
		return "failed (the reason is in the log)"
	case r.detail != "":
		return r.detail
	}
	return "ok"
}

// runReadyChecks runs every check at once, each bounded by readyTimeout.
func (s *server) runReadyChecks(ctx context.Context) []readyResult {
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	out := make([]readyResult, len(s.readyChecks))
	var wg sync.WaitGroup
	for i, chk := range s.readyChecks {
		wg.Go(func() {
			detail, err := chk.Check(ctx)
			out[i] = readyResult{detail: detail, err: err}
		})
	}
	wg.Wait()
	return out
}

// readyChecksOf returns the checks of o: ReadyChecks, then Ready as a
// check named "ready".
func readyChecksOf(o Options) []ReadyCheck {
	checks := append([]ReadyCheck(nil), o.ReadyChecks...)
	if o.Ready != nil {
		ready := o.Ready
		checks = append(checks, ReadyCheck{Name: "ready", Check: func(ctx context.Context) (string, error) {
			return "", ready(ctx)
		}})
	}
	return checks
}

// isProbe reports whether the request is a health or readiness probe.
func isProbe(c *gin.Context) bool {
	p := c.FullPath()
	return p == "/healthz" || p == "/readyz"
}
