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

// run builds clientgate if needed and measures the chosen targets.
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
	client := newClient(o.workers, o.timeout)
	fmt.Fprintf(out, "%d workers, %s warm-up, %s measured per target (%s)\n", o.workers, o.warmup, o.duration, time.Now().UTC().Format(time.RFC3339))
	rep := &report{}
	steps := []struct {
		key string
		fn  func(context.Context, *options, *http.Client, io.Writer, *report) error
	}{{"a", runBare}, {"b", runWarm}, {"c", runJetpack}}
	for _, s := range steps {
		if !o.has(s.key) {
			continue
		}
		if err := s.fn(ctx, o, client, out, rep); err != nil {
			return err
		}
	}
	rep.print(out)
	return nil
}

// runBare measures target (a).
func runBare(ctx context.Context, o *options, client *http.Client, out io.Writer, rep *report) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	u, err := startBare(ctx, samplePage(o.invoices))
	if err != nil {
		return err
	}
	r, err := measure(ctx, o, client, Target{Name: "(a) bare gin", URL: u})
	if err != nil {
		return err
	}
	rep.bare = r
	rep.add(out, r)
	return nil
}

// runWarm measures target (b) and the server's RSS after it.
func runWarm(ctx context.Context, o *options, client *http.Client, out io.Writer, rep *report) error {
	p, err := startWarm(ctx, o)
	if err != nil {
		return err
	}
	defer p.close()
	r, err := measure(ctx, o, client, p.invoicesTarget("(b) clientgate, cache warm"))
	if err != nil {
		return err
	}
	rep.warm = r
	rep.add(out, r)
	if rep.rss, err = p.proc.rss(); err != nil {
		rep.rssErr = err
	}
	return nil
}

// probes is how many requests count the CRM calls of one (c) request.
const probes = 5

// runJetpack measures target (c).
func runJetpack(ctx context.Context, o *options, client *http.Client, out io.Writer, rep *report) error {
	crm, key, secret := startCRM(o.email, o.invoices, o.latency)
	defer crm.Close()
	p, err := startJetpack(ctx, o, crm, key, secret)
	if err != nil {
		return err
	}
	defer p.close()
	name := fmt.Sprintf("(c) clientgate, jetpackcrm %s, no cache", o.latency)
	r, err := measure(ctx, o, client, p.invoicesTarget(name))
	if err != nil {
		return err
	}
	rep.jetpack = r
	rep.add(out, r)
	// count the CRM calls of a few requests sent one at a time
	crm.ResetCalls()
	for range probes {
		if _, _, err := fetch(ctx, client, p.invoicesTarget(name)); err != nil {
			return fmt.Errorf("%s: counting CRM calls: %w", name, err)
		}
	}
	rep.crmCalls = crm.Calls()
	return nil
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
