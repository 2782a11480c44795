package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// runCache runs the cache harness (cacheScale) once per count of
// o.cacheContacts, each in a child process of its own so that its RSS is
// the cache's, and prints a row per count.
func runCache(ctx context.Context, o *options, out io.Writer) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Fprintln(out)
	fmt.Fprintf(out, "cache: each contact's record and first page of %d invoices cached (cache.Wrap as serve builds it, in front of a CRM that holds nothing), then %s of page reads of random contacts from GOMAXPROCS loops\n",
		o.invoices, o.cacheDuration)
	const format = "%-9s %12s %12s %10s %10s %8s %9s %6s %9s %9s %9s\n"
	fmt.Fprintf(out, format, "contacts", "live heap", "per contact", "RSS empty", "RSS full", "fill", "reads/s", "pauses", "pause p50", "pause p99", "pause max")
	for _, n := range o.cacheContacts {
		cmd := exec.CommandContext(ctx, self, cacheScaleMode, strconv.Itoa(n), strconv.Itoa(o.invoices), o.cacheDuration.String())
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("cache harness with %d contacts: %w: %s", n, err, strings.TrimSpace(stderr.String()))
		}
		var f cacheFigures
		if err := json.Unmarshal(stdout.Bytes(), &f); err != nil {
			return fmt.Errorf("cache harness with %d contacts: %w: %s", n, err, stdout.String())
		}
		fmt.Fprintf(out, format, fmt.Sprint(f.Contacts), mib(int64(f.HeapBytes)), fmt.Sprintf("%.2f KB", f.HeapPerContact/1000),
			mib(f.RSSEmpty), mib(f.RSSFull), fmt.Sprintf("%.1fs", f.FillSeconds), fmt.Sprintf("%.0f", float64(f.Reads)/o.cacheDuration.Seconds()),
			fmt.Sprint(f.Pauses), seconds(f.PauseP50), seconds(f.PauseP99), seconds(f.PauseMax))
	}
	fmt.Fprintln(out, "cache: pauses are the runtime's stop-the-world GC pauses during the read load (/sched/pauses/total/gc:seconds, two per GC cycle), as bucket upper bounds: a p99 of fewer than 100 pauses is their maximum; the harness sets cache.max_entries to 2×contacts+16 (each contact takes 2 entries; serve's default of 100000 holds 50,000 contacts' pages)")
	return nil
}

// mib formats bytes in MiB.
func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

// seconds formats a duration in seconds as milliseconds.
func seconds(s float64) string { return fmt.Sprintf("%.3fms", s*1000) }
