// Command loadbench measures clientgate under load on one machine, next
// to bare baselines, with wrk (Debian's package) as the load generator:
//
//	json     warm signed-in GET /api/v1/invoices vs a bare Gin handler
//	html     warm signed-in /clients/invoices vs a bare Gin html/template page
//	cold     the invoices page with the cache off and a fake Jetpack CRM
//	         answering after -crm-latency, vs one call to that CRM
//	clients  the warm JSON path with -clients distinct signed-in clients
//	cache    memory and GC pauses with 10,000 and 100,000 cached contacts
//	replicas two replicas on one PostgreSQL: a write on one to its
//	         invalidation on the other
//
// Run it from the module root: go run ./cmd/loadbench [flags]. Every
// server listens on 127.0.0.1; child processes are stopped on exit and on
// Ctrl-C. See docs/loadbench.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	if mode, ok := hiddenModes[argOrEmpty(1)]; ok {
		err := mode(os.Args[2:])
		if err != nil {
			fmt.Fprintf(os.Stderr, "loadbench %s: %v\n", os.Args[1], err)
			os.Exit(1)
		}
		return
	}
	o, err := parseOptions(os.Args[1:], os.Stderr)
	if errors.Is(err, errHelp) {
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

// argOrEmpty returns os.Args[i], or "" when there is none.
func argOrEmpty(i int) string {
	if len(os.Args) > i {
		return os.Args[i]
	}
	return ""
}
