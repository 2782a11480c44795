package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
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
func (rep *report) probeCRM(ctx context.Context, client *http.Client) error {
	if rep.crm == nil {
		return nil
	}
	// requests cut off at the end of the load may still be running on
	// the server: wait until the CRM sees no more calls
	for range 20 {
		before := sumCalls(rep.crm.Calls())
		time.Sleep(500 * time.Millisecond)
		if sumCalls(rep.crm.Calls()) == before {
			break
		}
	}
	rep.crm.ResetCalls()
	for range probes {
		if _, _, err := fetch(ctx, client, rep.crmTarget); err != nil {
			return fmt.Errorf("%s: counting CRM calls: %w", rep.crmTarget.Name, err)
		}
	}
	rep.crmCalls = rep.crm.Calls()
	return nil
}

// sumCalls adds the calls of every endpoint.
func sumCalls(calls map[string]int) int {
	total := 0
	for _, n := range calls {
		total += n
	}
	return total
}

// ratios returns (b)/(a) in percent for each round that ran both.
func (rep *report) ratios() []float64 {
	var out []float64
	a, b := rep.results["a"], rep.results["b"]
	for i := range min(len(a), len(b)) {
		if a[i].summary.RPS > 0 {
			out = append(out, 100*b[i].summary.RPS/a[i].summary.RPS)
		}
	}
	return out
}

// median returns the median of xs (the mean of the middle two when even).
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// print writes the RSS, the CRM calls and the (b)/(a) ratio.
func (rep *report) print(w io.Writer) {
	fmt.Fprintln(w)
	if len(rep.results["b"]) > 0 {
		if rep.rssErr != nil {
			fmt.Fprintf(w, "clientgate RSS after (b): unknown: %v\n", rep.rssErr)
		} else {
			fmt.Fprintf(w, "clientgate RSS after (b): %.1f MiB\n", float64(rep.rss)/(1<<20))
		}
	}
	if rep.crmCalls != nil {
		fmt.Fprintf(w, "fake CRM calls per (c) request: %.2f %v\n", float64(sumCalls(rep.crmCalls))/probes, rep.crmCalls)
	}
	ratios := rep.ratios()
	if len(ratios) == 0 {
		fmt.Fprintln(w, "ratio (b)/(a): needs both a and b")
		return
	}
	m := median(ratios)
	verdict := "meets"
	if m < targetRatio {
		verdict = "below"
	}
	fmt.Fprintf(w, "ratio (b)/(a): %.1f%% of the bare handler's req/s", m)
	if len(ratios) > 1 {
		fmt.Fprintf(w, " (median of rounds %s)", percents(ratios))
	}
	fmt.Fprintf(w, "; target %.0f%%: %s\n", targetRatio, verdict)
	a, b := rep.results["a"][0], rep.results["b"][0]
	if a.run.Items != b.run.Items {
		fmt.Fprintf(w, "note: (a) answers %d items, (b) %d: the pages differ\n", a.run.Items, b.run.Items)
	}
	for _, key := range []string{"a", "b"} {
		for _, r := range rep.results[key] {
			if r.summary.Errors > 0 {
				fmt.Fprintln(w, "warning: errors occurred; req/s counts successful requests only")
				return
			}
		}
	}
}

// percents formats ratios as "51.2%, 48.0%".
func percents(xs []float64) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%.1f%%", x)
	}
	return out
}
