package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// bench is one target of a measurement and its results, one per round.
type bench struct {
	target  Target
	results []*Measurement
	// profile is the portal whose CPU profile -server-profile takes
	// during this target's last run (nil: none).
	profile *portal
	// profileSuffix is added to -server-profile's file name, so that
	// each profiled target writes a file of its own.
	profileSuffix string
}

// group is one measurement: its targets run in turn in every round, then
// conclude prints what the rounds show.
type group struct {
	name     string
	benches  []*bench
	conclude func(ctx context.Context, w io.Writer) error
}

// lab holds what the measurements share: the options, the generator, the
// servers started once, and how to stop everything started.
type lab struct {
	o      *options
	gen    generator
	client *http.Client
	stops  []func()
	bare   *bareServer
	warm   *portal
	json   *group // the json measurement, when it runs, for comparisons
}

// cleanup stops what was started, last started first.
func (l *lab) cleanup() {
	for _, stop := range slices.Backward(l.stops) {
		stop()
	}
}

// run builds clientgate if needed, starts the chosen measurements' servers,
// measures their targets in turn, o.rounds times, prints the conclusions,
// then runs the cache and replicas harnesses.
func run(ctx context.Context, o *options, out io.Writer) error {
	tmp, err := os.MkdirTemp("", "loadbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	o.tmp = tmp
	l := &lab{o: o, client: newClient(max(o.conns, o.coldConns), o.timeout)}
	defer l.cleanup()
	if l.gen, err = newGenerator(o, l.client); err != nil {
		return err
	}
	if o.needsClientgate() && o.bin == "" {
		o.bin = filepath.Join(tmp, "clientgate")
		fmt.Fprintln(out, "building clientgate…")
		if err := buildClientgate(ctx, o.module, o.bin); err != nil {
			return err
		}
	}
	groups, err := l.startGroups(ctx, out)
	if err != nil {
		return err
	}
	if err := l.measureGroups(ctx, out, groups); err != nil {
		return err
	}
	if o.has("cache") {
		if err := runCache(ctx, o, out); err != nil {
			return err
		}
	}
	if o.has("replicas") {
		return runReplicas(ctx, o, out)
	}
	return nil
}

// newGenerator returns the generator o names.
func newGenerator(o *options, client *http.Client) (generator, error) {
	if o.generator == "go" {
		return &goGenerator{client: client, conns: o.conns, maxPerWorker: o.maxPerWorker}, nil
	}
	path, err := findWrk(o.wrk)
	if err != nil {
		return nil, err
	}
	return &wrkGenerator{path: path, threads: o.threads, conns: o.conns, timeout: o.timeout, dir: o.tmp}, nil
}

// measureGroups runs every round and prints the rows, then each group's
// conclusion.
func (l *lab) measureGroups(ctx context.Context, out io.Writer, groups []*group) error {
	if len(groups) == 0 {
		return nil
	}
	printPreamble(out, l.o, l.gen)
	for round := range l.o.rounds {
		for _, g := range groups {
			for _, b := range g.benches {
				m, err := l.measureOne(ctx, b, round == l.o.rounds-1)
				if err != nil {
					return err
				}
				b.results = append(b.results, m)
				printRow(out, round, b.target.Name, m)
			}
		}
	}
	for _, g := range groups {
		fmt.Fprintln(out)
		if err := g.conclude(ctx, out); err != nil {
			return fmt.Errorf("%s: %w", g.name, err)
		}
	}
	return nil
}

// measureOne measures b once, taking a CPU profile of its server during
// the last round when asked to.
func (l *lab) measureOne(ctx context.Context, b *bench, last bool) (*Measurement, error) {
	if !last || b.profile == nil || l.o.serverProfile == "" {
		return measure(ctx, l.o, l.gen, l.client, &b.target)
	}
	done := make(chan error, 1)
	go func() {
		done <- saveProfile(ctx, b.profile.metrics, l.o.warmup+l.o.duration, l.o.serverProfile+b.profileSuffix)
	}()
	m, err := measure(ctx, l.o, l.gen, l.client, &b.target)
	if perr := <-done; err == nil && perr != nil {
		return nil, fmt.Errorf("%s: CPU profile: %w", b.target.Name, perr)
	}
	return m, err
}

// printPreamble says how the load is generated.
func printPreamble(w io.Writer, o *options, gen generator) {
	fmt.Fprintf(w, "load generator: %s; %d connections (cold: %d)", gen.Name(), o.conns, o.coldConns)
	if o.generator == "wrk" {
		fmt.Fprintf(w, ", %d threads", o.threads)
	}
	fmt.Fprintf(w, "; %s measured after %s warm-up per target; %d round(s), targets interleaved in each (%s)\n",
		o.duration, o.warmup, o.rounds, time.Now().UTC().Format(time.RFC3339))
	if o.generator == "go" {
		fmt.Fprintln(w, "WARNING: the Go generator runs inside loadbench and competes with the servers for the same cores:")
		fmt.Fprintln(w, "it under-reports fast targets and pushes every ratio towards 1. Use -generator wrk for figures.")
	}
	printHeader(w)
}
