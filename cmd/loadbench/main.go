// Command loadbench measures clientgate's /api/v1/invoices under load on
// one machine, against a bare Gin handler as the baseline:
//
//	(a) a bare Gin handler encoding a similar page of invoices (in-process),
//	(b) clientgate serve, signed in, built-in SQL store, cache warm,
//	(c) clientgate serve, cache off, Jetpack CRM connector against the
//	    fake CRM of jetpacktest answering after a set latency.
//
// Run it from the module root: go run ./cmd/loadbench [flags]. Every
// server listens on 127.0.0.1; child processes are stopped on exit and on
// Ctrl-C. See docs/loadbench.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// options are the command-line settings.
type options struct {
	workers, maxPerWorker, invoices int
	rounds                          int
	duration, warmup, timeout       time.Duration
	readyTimeout, latency           time.Duration
	targets, module, bin            string
	data, email, logLevel           string
	tmp                             string // set by run
}

func parseOptions(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("loadbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.workers, "workers", 32, "concurrent request loops")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "measured time per target")
	fs.DurationVar(&o.warmup, "warmup", 2*time.Second, "unmeasured warm-up per target")
	fs.IntVar(&o.rounds, "rounds", 1, "times every target is measured, in turn (the ratio is the rounds' median)")
	fs.IntVar(&o.maxPerWorker, "max-requests", 1_000_000, "most requests per loop and phase")
	fs.DurationVar(&o.timeout, "timeout", 10*time.Second, "timeout of one request")
	fs.StringVar(&o.targets, "targets", "a,b,c", "targets to run: a (bare gin), b (warm cache), c (jetpackcrm, cache off)")
	fs.StringVar(&o.module, "module", ".", "module root holding ./cmd/clientgate, built when -clientgate is empty")
	fs.StringVar(&o.bin, "clientgate", "", "a clientgate binary to use instead of building one")
	fs.StringVar(&o.data, "data", "cmd/clientgate/demodata/demo.json", "import file loaded into the built-in store for target b")
	fs.StringVar(&o.email, "email", "zoe@northwind.example", "email of the person signing in; a contact in -data")
	fs.IntVar(&o.invoices, "invoices", 10, "invoices on every page: on the bare page (a), of -email in -data (b, padded when fewer) and in the fake CRM (c)")
	fs.DurationVar(&o.latency, "crm-latency", 50*time.Millisecond, "latency of every fake Jetpack CRM call (c)")
	fs.DurationVar(&o.readyTimeout, "ready-timeout", 30*time.Second, "how long clientgate may take to pass /readyz")
	fs.StringVar(&o.logLevel, "server-log-level", "info", "clientgate's log.level (its log goes to a file)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("loadbench takes no arguments, got %q", fs.Args())
	}
	if o.workers < 1 || o.maxPerWorker < 1 || o.invoices < 1 || o.rounds < 1 || o.duration <= 0 || o.warmup < 0 || o.timeout <= 0 {
		return nil, errors.New("-workers, -rounds, -max-requests, -invoices, -duration and -timeout must be positive, -warmup not negative")
	}
	for _, t := range strings.Split(o.targets, ",") {
		if t != "a" && t != "b" && t != "c" {
			return nil, fmt.Errorf("-targets: %q is not a, b or c", t)
		}
	}
	return o, nil
}

func (o *options) has(target string) bool {
	return strings.Contains(","+o.targets+",", ","+target+",")
}

func main() {
	if len(os.Args) == 4 && os.Args[1] == serveBareMode {
		n, err := strconv.Atoi(os.Args[3])
		if err == nil {
			err = serveBare(os.Args[2], n)
		}
		fmt.Fprintln(os.Stderr, "loadbench serve-bare:", err)
		os.Exit(1)
	}
	o, err := parseOptions(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err = run(ctx, o, os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(1)
	}
}
