package main

import (
	"fmt"
	"io"
	"time"
)

// targetRatio is the goal for (b) as a share of (a)'s requests per second.
const targetRatio = 60.0

// report collects the results for the closing lines.
type report struct {
	bare, warm, jetpack *result
	rss                 int64
	rssErr              error
	crmCalls            map[string]int // fake CRM calls by endpoint of probes (c) requests
	header              bool           // the table's header is printed
}

const rowFormat = "%-42s %9s %9s %9s %9s %9s %7s %6s %7s\n"

// add records a result and prints its row, after the header for the
// first one, and its error samples, if any.
func (rep *report) add(w io.Writer, r *result) {
	if !rep.header {
		fmt.Fprintf(w, rowFormat, "target", "req/s", "p50", "p99", "max", "requests", "errors", "items", "bytes")
		rep.header = true
	}
	s := r.summary
	fmt.Fprintf(w, rowFormat, r.target.Name, fmt.Sprintf("%.0f", s.RPS), ms(s.P50), ms(s.P99), ms(s.Max),
		fmt.Sprint(s.Requests), fmt.Sprint(s.Errors), fmt.Sprint(r.run.Items), fmt.Sprint(r.run.Bytes))
	for _, msg := range r.run.Samples {
		fmt.Fprintf(w, "    error: %s\n", msg)
	}
}

// ms formats a latency in milliseconds.
func ms(d time.Duration) string {
	return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond))
}

// print writes the RSS and the (b)/(a) ratio.
func (r *report) print(w io.Writer) {
	fmt.Fprintln(w)
	if r.warm != nil {
		if r.rssErr != nil {
			fmt.Fprintf(w, "clientgate RSS after (b): unknown: %v\n", r.rssErr)
		} else {
			fmt.Fprintf(w, "clientgate RSS after (b): %.1f MiB\n", float64(r.rss)/(1<<20))
		}
	}
	if r.jetpack != nil {
		total := 0
		for _, n := range r.crmCalls {
			total += n
		}
		fmt.Fprintf(w, "fake CRM calls per (c) request: %.2f %v\n", float64(total)/probes, r.crmCalls)
	}
	if r.bare == nil || r.warm == nil || r.bare.summary.RPS == 0 {
		fmt.Fprintln(w, "ratio (b)/(a): needs both a and b")
		return
	}
	ratio := 100 * r.warm.summary.RPS / r.bare.summary.RPS
	verdict := "meets"
	if ratio < targetRatio {
		verdict = "below"
	}
	fmt.Fprintf(w, "ratio (b)/(a): %.1f%% of the bare handler's req/s (target %.0f%%: %s)\n", ratio, targetRatio, verdict)
	if a, b := r.bare.run.Items, r.warm.run.Items; a != b {
		fmt.Fprintf(w, "note: (a) answers %d items, (b) %d; -invoices %d gives a like-for-like page\n", a, b, b)
	}
	if r.bare.summary.Errors+r.warm.summary.Errors > 0 {
		fmt.Fprintln(w, "warning: errors occurred; the ratio counts successful requests only")
	}
}
