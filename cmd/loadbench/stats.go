package main

import (
	"math"
	"slices"
	"time"
)

// Summary is what one target's load run measured.
type Summary struct {
	// Requests counts every request sent, failed ones included.
	Requests int
	// Errors counts requests that failed: transport error, a status other
	// than 200, or a body that is not {"items": [...]}.
	Errors int
	// RPS is successful requests per second of measured time.
	RPS float64
	// P50, P99 and Max are latencies of the successful requests.
	P50, P99, Max time.Duration
}

// summarize computes a Summary from the latencies of successful requests,
// the error count and the measured wall time.
func summarize(latencies []time.Duration, errors int, elapsed time.Duration) Summary {
	s := Summary{Requests: len(latencies) + errors, Errors: errors}
	if elapsed > 0 {
		s.RPS = float64(len(latencies)) / elapsed.Seconds()
	}
	sorted := slices.Clone(latencies)
	slices.Sort(sorted)
	s.P50 = percentile(sorted, 50)
	s.P99 = percentile(sorted, 99)
	if len(sorted) > 0 {
		s.Max = sorted[len(sorted)-1]
	}
	return s
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
