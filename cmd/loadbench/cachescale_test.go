package main

import (
	"math"
	"runtime/metrics"
	"testing"
	"time"
)

func TestHistogramSummary(t *testing.T) {
	h := &metrics.Float64Histogram{
		Buckets: []float64{math.Inf(-1), 0.001, 0.002, 0.004, math.Inf(1)},
		Counts:  []uint64{0, 98, 1, 1},
	}
	n, p50, p99, top := histogramSummary(h)
	if n != 100 || p50 != 0.002 || p99 != 0.004 || top != 0.004 {
		t.Errorf("summary = %d, %v, %v, %v", n, p50, p99, top)
	}
	h.Counts = []uint64{0, 0, 0, 5}
	if n, p50, _, top := histogramSummary(h); n != 5 || p50 != 0.004 || top != 0.004 {
		t.Errorf("open last bucket: %d, %v, %v; want its lower bound", n, p50, top)
	}
	if n, p50, p99, top := histogramSummary(&metrics.Float64Histogram{Buckets: h.Buckets, Counts: make([]uint64, 4)}); n+uint64(p50+p99+top) != 0 {
		t.Error("an empty histogram has figures")
	}
	d := subtractHistogram(&metrics.Float64Histogram{Buckets: h.Buckets, Counts: []uint64{1, 5, 3, 2}}, &metrics.Float64Histogram{Counts: []uint64{1, 2, 3, 0}})
	if d.Counts[0] != 0 || d.Counts[1] != 3 || d.Counts[2] != 0 || d.Counts[3] != 2 {
		t.Errorf("subtract = %v", d.Counts)
	}
}

func TestMeasureCache(t *testing.T) {
	f, err := measureCache(500, 10, 100*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	// a contact with ten invoices of two lines takes kilobytes, not bytes
	// and not megabytes
	if f.Contacts != 500 || f.HeapPerContact < 1000 || f.HeapPerContact > 100_000 || f.Reads == 0 || f.RSSFull <= 0 {
		t.Errorf("figures %+v", f)
	}
	for _, args := range [][]string{{"1", "2"}, {"x", "10", "1s"}, {"0", "10", "1s"}, {"5", "10", "soon"}} {
		if err := cacheScale(args); err == nil {
			t.Errorf("cacheScale(%q) accepted it", args)
		}
	}
}
