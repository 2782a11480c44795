package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"clientgate/connectors/jetpackcrm/jetpacktest"
)

// targetRatio is the goal for (b) as a share of (a)'s requests per second.
const targetRatio = 60.0

// probes is how many requests, sent one at a time, count the CRM calls of
// one (c) request.
const probes = 5

// report collects the results and the running targets' stop functions.
type report struct {
	results   map[string][]*result // by target key, one per round
	rss       int64                // clientgate's RSS after the last (b) run
	rssErr    error
	crm       *jetpacktest.Server // the fake CRM of (c)
	crmTarget Target
	crmCalls  map[string]int // CRM calls by endpoint of the probes
	stops     []func()
	header    bool // the table's header is printed
}

// cleanup stops the started targets, last started first.
func (rep *report) cleanup() {
	for _, stop := range slices.Backward(rep.stops) {
		stop()
	}
}

const rowFormat = "%-42s %5s %7s %9s %9s %9s %9s %6s %5s %6s\n"

// add records a result and prints its row, after the header for the
// first one, and its error samples, if any.
func (rep *report) add(w io.Writer, round int, key string, r *result) {
	if rep.results == nil {
		rep.results = map[string][]*result{}
	}
	rep.results[key] = append(rep.results[key], r)
	if !rep.header {
		fmt.Fprintf(w, rowFormat, "target", "round", "req/s", "p50", "p99", "max", "requests", "errors", "items", "bytes")
		rep.header = true
	}
	s := r.summary
	fmt.Fprintf(w, rowFormat, r.target.Name, fmt.Sprint(round+1), fmt.Sprintf("%.0f", s.RPS), ms(s.P50), ms(s.P99), ms(s.Max),
		fmt.Sprint(s.Requests), fmt.Sprint(s.Errors), fmt.Sprint(r.run.Items), fmt.Sprint(r.run.Bytes))
	for _, msg := range r.run.Samples {
		fmt.Fprintf(w, "    error: %s\n", msg)
	}
}

// ms formats a latency in milliseconds.
func ms(d time.Duration) string {
	return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond))
}

// probeCRM counts the fake CRM's calls for a few (c) requests.
func (rep *report) probeCRM(ctx context.Context, client interface {
	Do(*http.Request) (*http.Response, error)
}) error {
	return nil
}
