package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// result is one target's measurement.
type result struct {
	target  Target
	run     *Run
	summary Summary
}

// bench is a started target.
type bench struct {
	key    string // a, b or c
	target Target
	after  func(*report) // runs after each measurement, may be nil
}

// run builds clientgate if needed, starts the chosen targets and measures
// them in turn, o.rounds times.
func run(ctx context.Context, o *options, out io.Writer) error {
	tmp, err := os.MkdirTemp("", "loadbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	o.tmp = tmp
	if (o.has("b") || o.has("c")) && o.bin == "" {
		o.bin = filepath.Join(tmp, "clientgate")
		fmt.Fprintln(out, "building clientgate…")
		if err := buildClientgate(ctx, o.module, o.bin); err != nil {
			return err
		}
	}
	rep := &report{}
	benches, err := startAll(ctx, o, rep)
	defer rep.cleanup()
	if err != nil {
		return err
	}
	client := newClient(o.workers, o.timeout)
	fmt.Fprintf(out, "%d workers, %s warm-up, %s measured per target, %d round(s) (%s)\n",
		o.workers, o.warmup, o.duration, o.rounds, time.Now().UTC().Format(time.RFC3339))
	for round := range o.rounds {
		for _, b := range benches {
			r, err := measure(ctx, o, client, b.target)
			if err != nil {
				return err
			}
			rep.add(out, round, b.key, r)
			if b.after != nil {
				b.after(rep)
			}
		}
	}
	if err := rep.probeCRM(ctx, client); err != nil {
		return err
	}
	rep.print(out)
	return nil
}

// startAll starts the chosen targets; rep.cleanup stops them, also after
// an error.
func startAll(ctx context.Context, o *options, rep *report) ([]bench, error) {
	var benches []bench
	if o.has("a") {
		c, u, err := startBare(ctx, o, filepath.Join(o.tmp, "bare.log"))
		if err != nil {
			return nil, err
		}
		rep.stops = append(rep.stops, c.stop)
		benches = append(benches, bench{key: "a", target: Target{Name: "(a) bare gin", URL: u}})
	}
	if o.has("b") {
		p, err := startWarm(ctx, o)
		if err != nil {
			return nil, err
		}
		rep.stops = append(rep.stops, p.close)
		benches = append(benches, bench{key: "b", target: p.invoicesTarget("(b) clientgate, cache warm"),
			after: func(r *report) { r.rss, r.rssErr = p.proc.rss() }})
	}
	if o.has("c") {
		crm, key, secret := startCRM(o.email, o.invoices, o.latency)
		rep.stops = append(rep.stops, crm.Close)
		p, err := startJetpack(ctx, o, crm, key, secret)
		if err != nil {
			return nil, err
		}
		rep.stops = append(rep.stops, p.close)
		t := p.invoicesTarget(fmt.Sprintf("(c) clientgate, jetpackcrm %s, no cache", o.latency))
		rep.crm, rep.crmTarget = crm, t
		benches = append(benches, bench{key: "c", target: t})
	}
	return benches, nil
}

// measure checks one request, warms up, then loads t for o.duration.
func measure(ctx context.Context, o *options, client *http.Client, t Target) (*result, error) {
	if _, _, err := fetch(ctx, client, t); err != nil {
		return nil, fmt.Errorf("%s: the first request failed: %w", t.Name, err)
	}
	cfg := LoadConfig{Workers: o.workers, Duration: o.warmup, MaxPerWorker: o.maxPerWorker}
	if o.warmup > 0 {
		if _, err := Load(ctx, client, t, cfg); err != nil {
			return nil, err
		}
	}
	cfg.Duration = o.duration
	r, err := Load(ctx, client, t, cfg)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: interrupted: %w", t.Name, err)
	}
	return &result{target: t, run: r, summary: summarize(r.Latencies, r.Errors, r.Elapsed)}, nil
}
