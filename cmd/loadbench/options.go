package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// groupNames are the measurements -targets chooses from, in the order
// they run.
var groupNames = []string{"json", "html", "cold", "clients", "cache", "replicas"}

// errHelp is returned for -h.
var errHelp = flag.ErrHelp

// options are the command-line settings.
type options struct {
	generator, wrk            string
	threads, conns, coldConns int
	maxPerWorker, invoices    int
	rounds, clients, writes   int
	cacheContacts             []int
	duration, warmup, timeout time.Duration
	readyTimeout, latency     time.Duration
	cacheDuration             time.Duration
	targets, module, bin      string
	data, email, logLevel     string
	postgres, serverProfile   string
	tmp                       string // set by run
	groups                    map[string]bool
}

func parseOptions(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	var contacts string
	fs := flag.NewFlagSet("loadbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.generator, "generator", "wrk", "load generator: wrk (Debian's package, a child process) or go (loadbench's own, which under-reports)")
	fs.StringVar(&o.wrk, "wrk", "wrk", "the wrk binary, a path or a name in PATH")
	fs.IntVar(&o.threads, "threads", 2, "wrk threads")
	fs.IntVar(&o.conns, "connections", 64, "concurrent connections (the Go generator: request loops)")
	fs.IntVar(&o.coldConns, "cold-connections", 8, "connections of the cold measurement, few enough that requests do not queue")
	fs.DurationVar(&o.duration, "duration", 5*time.Second, "measured time per target and round (wrk: whole seconds)")
	fs.DurationVar(&o.warmup, "warmup", time.Second, "unmeasured warm-up per target and round (wrk: whole seconds)")
	fs.IntVar(&o.rounds, "rounds", 3, "rounds; in each, the targets of a measurement run in turn and ratios are the rounds' median")
	fs.IntVar(&o.maxPerWorker, "max-requests", 1_000_000, "most requests per loop and run (Go generator)")
	fs.DurationVar(&o.timeout, "timeout", 10*time.Second, "timeout of one request")
	fs.StringVar(&o.targets, "targets", strings.Join(groupNames, ","), "measurements to run: "+strings.Join(groupNames, ", "))
	fs.StringVar(&o.module, "module", ".", "module root holding ./cmd/clientgate, built when -clientgate is empty")
	fs.StringVar(&o.bin, "clientgate", "", "a clientgate binary to use instead of building one")
	fs.StringVar(&o.data, "data", "cmd/clientgate/demodata/demo.json", "import file loaded into the built-in store (json, html)")
	fs.StringVar(&o.email, "email", "zoe@northwind.example", "email of the person signing in; a contact in -data")
	fs.IntVar(&o.invoices, "invoices", 10, "invoices on every page and of every client")
	fs.DurationVar(&o.latency, "crm-latency", 86*time.Millisecond, "latency of every fake Jetpack CRM call (cold); 86ms is the real Jetpack CRM's on loopback")
	fs.IntVar(&o.clients, "clients", 1000, "distinct signed-in clients (clients)")
	fs.StringVar(&contacts, "cache-contacts", "10000,100000", "cached contact counts to measure (cache)")
	fs.DurationVar(&o.cacheDuration, "cache-duration", 15*time.Second, "read load on the full cache, during which GC pauses are counted (cache)")
	fs.IntVar(&o.writes, "replica-writes", 50, "writes timed from one replica to the other (replicas)")
	fs.StringVar(&o.postgres, "postgres", os.Getenv("CLIENTGATE_TEST_POSTGRES"), "PostgreSQL URL on 127.0.0.1 for replicas (default $CLIENTGATE_TEST_POSTGRES); a fresh schema is made and dropped")
	fs.StringVar(&o.serverProfile, "server-profile", "", "write CPU profiles of clientgate taken during its last measured run to this `file` (json target) and file.html (html target) (pprof on the metrics listener)")
	fs.DurationVar(&o.readyTimeout, "ready-timeout", 30*time.Second, "how long a server may take to pass /readyz")
	fs.StringVar(&o.logLevel, "server-log-level", "info", "clientgate's log.level (its log goes to a file)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("loadbench takes no arguments, got %q", fs.Args())
	}
	var err error
	if o.cacheContacts, err = parseCounts(contacts); err != nil {
		return nil, fmt.Errorf("-cache-contacts: %w", err)
	}
	return o, o.validate()
}

// validate checks the options and fills o.groups.
func (o *options) validate() error {
	var problems []string
	if o.conns < 1 || o.coldConns < 1 || o.threads < 1 || o.maxPerWorker < 1 || o.invoices < 1 || o.rounds < 1 ||
		o.clients < 1 || o.writes < 1 || o.timeout <= 0 || o.warmup < 0 || o.cacheDuration <= 0 {
		problems = append(problems, "-connections, -cold-connections, -threads, -max-requests, -invoices, -rounds, -clients, -replica-writes, -cache-duration and -timeout must be positive, -warmup not negative")
	}
	switch {
	case o.generator != "wrk" && o.generator != "go":
		problems = append(problems, fmt.Sprintf("-generator: %q is not wrk or go", o.generator))
	case o.generator == "wrk" && o.duration < time.Second:
		problems = append(problems, "-duration: wrk measures whole seconds; give 1s or more")
	case o.duration <= 0:
		problems = append(problems, "-duration must be positive")
	}
	o.groups = map[string]bool{}
	for _, g := range strings.Split(o.targets, ",") {
		if !slices.Contains(groupNames, g) {
			problems = append(problems, fmt.Sprintf("-targets: %q is not one of %s", g, strings.Join(groupNames, ", ")))
		}
		o.groups[g] = true
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

// has reports whether measurement g is to run.
func (o *options) has(g string) bool { return o.groups[g] }

// needsClientgate reports whether a chosen measurement runs the binary.
func (o *options) needsClientgate() bool {
	return o.has("json") || o.has("html") || o.has("cold") || o.has("clients") || o.has("replicas")
}

// parseCounts parses "10000,100000" into positive counts.
func parseCounts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a positive count", f)
		}
		out = append(out, n)
	}
	return out, nil
}
