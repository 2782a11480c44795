package main

import (
	"math"
	"slices"
	"time"
)

// summarize computes a Measurement from the latencies of successful
// requests, the error count and the measured wall time.
func summarize(latencies []time.Duration, errors int, elapsed time.Duration) *Measurement {
	m := &Measurement{Answers: len(latencies) + errors, Errors: errors, Elapsed: elapsed}
	if elapsed > 0 {
		m.RPS = float64(len(latencies)) / elapsed.Seconds()
	}
	sorted := slices.Clone(latencies)
	slices.Sort(sorted)
	m.P50 = percentile(sorted, 50)
	m.P90 = percentile(sorted, 90)
	m.P99 = percentile(sorted, 99)
	if len(sorted) > 0 {
		m.Max = sorted[len(sorted)-1]
	}
	return m
}

// percentile returns the nearest-rank p-th percentile (0 < p <= 100) of
// sorted, an ascending slice; 0 when it is empty.
func percentile(sorted []time.Duration, p float64) time.Duration {
	n := len(sorted)
	if n == 0 || p <= 0 {
		return 0
	}
	// nearest rank: the smallest value with at least p% of the values at
	// or below it.
	rank := int(math.Ceil(float64(n) * p / 100))
	rank = min(max(rank, 1), n)
	return sorted[rank-1]
}
