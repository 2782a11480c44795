package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"clientgate/cache"
	"clientgate/connectors"
)

// cacheScaleMode is the hidden first argument that runs the cache harness
// in a child process of its own (see cacheScale).
const cacheScaleMode = "cache-scale"

// gcPauses is the runtime's histogram of stop-the-world pauses for GC.
const gcPauses = "/sched/pauses/total/gc:seconds"

// cacheFigures is what one cache harness run measured.
type cacheFigures struct {
	Contacts        int     `json:"contacts"`
	HeapPerContact  float64 `json:"heap_per_contact"` // bytes of live heap
	HeapBytes       uint64  `json:"heap_bytes"`       // live heap, full cache
	RSSEmpty        int64   `json:"rss_empty"`
	RSSFull         int64   `json:"rss_full"` // after the read load
	FillSeconds     float64 `json:"fill_seconds"`
	Reads           int64   `json:"reads"`
	Pauses          uint64  `json:"pauses"`    // stop-the-world GC pauses (two per cycle)
	PauseP50        float64 `json:"pause_p50"` // seconds, bucket upper bounds
	PauseP99        float64 `json:"pause_p99"`
	PauseMax        float64 `json:"pause_max"`
	MaxEntriesTaken int     `json:"max_entries"`
}

// cacheScale (args: contacts, invoices per contact, read-load duration)
// caches, for every contact, its record and its first page of invoices in
// a cache.Cache as serve configures it (TTLs an hour so that nothing
// expires, MaxEntries raised to hold them all), in front of synthCRM; then
// reads random contacts' pages through it from GOMAXPROCS loops for the
// duration (every hit returns a copy, as for a request) and prints the
// figures as one JSON line.
func cacheScale(args []string) error {
	if len(args) != 3 {
		return fmt.Errorf("want contacts, invoices and a duration, got %q", args)
	}
	n, err1 := strconv.Atoi(args[0])
	inv, err2 := strconv.Atoi(args[1])
	d, err3 := time.ParseDuration(args[2])
	if err := errors.Join(err1, err2, err3); err != nil || n < 1 || inv < 0 {
		return fmt.Errorf("bad arguments %q: %v", args, err)
	}
	f, err := measureCache(n, inv, d)
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(f)
}

// measureCache fills and reads the cache; see cacheScale.
func measureCache(n, inv int, d time.Duration) (*cacheFigures, error) {
	ctx := context.Background()
	f := &cacheFigures{Contacts: n, MaxEntriesTaken: 2*n + 16}
	c := cache.Wrap(synthCRM{invoices: inv}, cache.Options{ContactTTL: time.Hour, ListTTL: time.Hour, MaxEntries: f.MaxEntriesTaken})
	runtime.GC()
	before := liveHeap()
	f.RSSEmpty, _ = pidRSS(os.Getpid())
	start := time.Now()
	for i := range n {
		if err := readPage(ctx, c, strconv.Itoa(i)); err != nil {
			return nil, err
		}
	}
	f.FillSeconds = time.Since(start).Seconds()
	runtime.GC()
	f.HeapBytes = liveHeap()
	f.HeapPerContact = float64(f.HeapBytes-before) / float64(n)
	if c.Len() < 2*n {
		return nil, fmt.Errorf("the cache holds %d entries, want %d: it evicted", c.Len(), 2*n)
	}
	pauses, reads, err := readLoad(ctx, c, n, d)
	if err != nil {
		return nil, err
	}
	f.Reads = reads
	f.Pauses, f.PauseP50, f.PauseP99, f.PauseMax = histogramSummary(pauses)
	f.RSSFull, _ = pidRSS(os.Getpid())
	runtime.KeepAlive(c)
	return f, nil
}

// readPage reads what the warm invoices page reads for contact id.
func readPage(ctx context.Context, c *cache.Cache, id string) error {
	if _, err := c.GetContact(ctx, id); err != nil {
		return err
	}
	_, err := c.ListInvoices(ctx, connectors.Scope{ContactID: id}, connectors.PageRequest{})
	return err
}

// readLoad reads random contacts' pages from GOMAXPROCS loops for d and
// returns the GC pauses during it and the pages read.
func readLoad(ctx context.Context, c *cache.Cache, n int, d time.Duration) (*metrics.Float64Histogram, int64, error) {
	first := pauseHistogram()
	var reads atomic.Int64
	var failed atomic.Pointer[error]
	var wg sync.WaitGroup
	deadline := time.Now().Add(d)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				if err := readPage(ctx, c, strconv.Itoa(rand.IntN(n))); err != nil {
					failed.Store(&err)
					return
				}
				reads.Add(1)
			}
		})
	}
	wg.Wait()
	if err := failed.Load(); err != nil {
		return nil, 0, *err
	}
	return subtractHistogram(pauseHistogram(), first), reads.Load(), nil
}

// liveHeap returns the bytes of live heap objects as of the last GC.
func liveHeap() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// pauseHistogram reads the runtime's GC pause histogram.
func pauseHistogram() *metrics.Float64Histogram {
	s := []metrics.Sample{{Name: gcPauses}}
	metrics.Read(s)
	return s[0].Value.Float64Histogram()
}

// subtractHistogram returns the counts of now less those of then (both of
// the same metric, so with the same buckets).
func subtractHistogram(now, then *metrics.Float64Histogram) *metrics.Float64Histogram {
	out := &metrics.Float64Histogram{Buckets: now.Buckets, Counts: make([]uint64, len(now.Counts))}
	for i := range now.Counts {
		out.Counts[i] = now.Counts[i] - then.Counts[i]
	}
	return out
}

// histogramSummary returns the count, the p50 and p99 (the upper bound of
// the bucket holding them; the lower one for the last, open bucket) and
// the upper bound of the highest non-empty bucket.
func histogramSummary(h *metrics.Float64Histogram) (count uint64, p50, p99, top float64) {
	for _, c := range h.Counts {
		count += c
	}
	if count == 0 {
		return 0, 0, 0, 0
	}
	bound := func(i int) float64 {
		if math.IsInf(h.Buckets[i+1], 1) {
			return h.Buckets[i]
		}
		return h.Buckets[i+1]
	}
	var seen uint64
	for i, c := range h.Counts {
		if c == 0 {
			continue
		}
		seen += c
		if p50 == 0 && float64(seen) >= 0.50*float64(count) {
			p50 = bound(i)
		}
		if p99 == 0 && float64(seen) >= 0.99*float64(count) {
			p99 = bound(i)
		}
		top = bound(i)
	}
	return count, p50, p99, top
}
