package main

import (
	"context"
	"net/http"
	"time"
)

// goGenerator is loadbench's own load generator (Load). On a machine of
// few cores it competes with the servers for CPU and so compresses every
// ratio towards 1: it under-reports, and the report says so.
type goGenerator struct {
	client              *http.Client
	conns, maxPerWorker int
}

// Name names the generator in the report.
func (g *goGenerator) Name() string { return "go (loadbench's own; under-reports)" }

// Run loads t from one loop per connection for d.
func (g *goGenerator) Run(ctx context.Context, t Target, d time.Duration) (*Measurement, error) {
	conns := g.conns
	if t.Conns > 0 {
		conns = t.Conns
	}
	cpu := selfCPU()
	r, err := Load(ctx, g.client, t, LoadConfig{Workers: conns, Duration: d, MaxPerWorker: g.maxPerWorker})
	if err != nil {
		return nil, err
	}
	m := summarize(r.Latencies, r.Errors, r.Elapsed)
	m.GenCPU = selfCPU() - cpu
	m.Samples, m.Items = r.Samples, r.Items
	return m, nil
}
