package main

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// measure refreshes t's cookies, checks one answer of t, warms t up (not
// counted), loads it for o.duration with gen while taking the server's
// CPU time, and checks one answer again. A failed check stops the
// benchmark: its figures would not be those of the page. Cookies the
// server re-issued during the run are flagged (see refreshCookies).
func measure(ctx context.Context, o *options, gen generator, client *http.Client, t *Target) (*Measurement, error) {
	if _, err := refreshCookies(ctx, client, t); err != nil {
		return nil, err
	}
	size, _, err := fetch(ctx, client, *t, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: the check before the run failed: %w", t.Name, err)
	}
	if o.warmup > 0 {
		if _, err := gen.Run(ctx, *t, o.warmup); err != nil {
			return nil, err
		}
	}
	before, beforeErr := serverCPU(t.PID)
	m, err := gen.Run(ctx, *t, o.duration)
	if err != nil {
		return nil, err
	}
	if after, err := serverCPU(t.PID); err == nil && beforeErr == nil {
		m.ServerCPU = after - before
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: interrupted: %w", t.Name, err)
	}
	again, items, err := fetch(ctx, client, *t, 1)
	if err != nil {
		return nil, fmt.Errorf("%s: the check after the run failed: %w", t.Name, err)
	}
	m.Items = items
	checkAnswerSize(m, min(size, again))
	reissued, err := refreshCookies(ctx, client, t)
	if err != nil {
		return nil, err
	}
	if reissued > 0 {
		m.Suspect = true
		m.addSample(fmt.Sprintf("the server re-issued %d of %d session cookies during the run; wrk kept sending the old ones, so some answers re-sealed a session that a browser would not have", reissued, len(t.Cookies)))
	}
	return m, nil
}

// serverCPU returns the CPU time of process pid, or an error when it is
// unknown.
func serverCPU(pid int) (time.Duration, error) {
	if pid <= 0 {
		return 0, fmt.Errorf("no process")
	}
	return procCPU(pid)
}

// checkAnswerSize flags a run whose answers were on average shorter than
// the body of a checked answer: wrk counts redirects (3xx) as successes,
// and a redirect to the sign-in page is much shorter than the page.
func checkAnswerSize(m *Measurement, body int) {
	if m.Bytes <= 0 || m.Answers <= 0 {
		return
	}
	if per := m.Bytes / int64(m.Answers); per < int64(body) {
		m.Suspect = true
		m.addSample(fmt.Sprintf("answers average %d bytes with headers, less than the %d-byte body of a checked answer: some were not the page", per, body))
	}
}
