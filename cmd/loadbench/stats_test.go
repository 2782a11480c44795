package main

import (
	"reflect"
	"testing"
	"time"
)

func ds(ms ...int) []time.Duration {
	out := make([]time.Duration, len(ms))
	for i, m := range ms {
		out[i] = time.Duration(m) * time.Millisecond
	}
	return out
}

func TestPercentile(t *testing.T) {
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"empty", nil, 50, 0},
		{"one value", ds(7), 50, 7 * time.Millisecond},
		{"one value p99", ds(7), 99, 7 * time.Millisecond},
		{"p50 of four", ds(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"p50 of five", ds(1, 2, 3, 4, 5), 50, 3 * time.Millisecond},
		{"p99 of 1..100", ds(hundred...), 99, 99 * time.Millisecond},
		{"p50 of 1..100", ds(hundred...), 50, 50 * time.Millisecond},
		{"p100 is max", ds(hundred...), 100, 100 * time.Millisecond},
		{"p99 of ten is max", ds(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 99, 10 * time.Millisecond},
		{"p0 is zero", ds(1, 2), 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percentile(tt.sorted, tt.p); got != tt.want {
				t.Errorf("percentile(%v, %v) = %v, want %v", tt.sorted, tt.p, got, tt.want)
			}
		})
	}
}

func TestSummarize(t *testing.T) {
	lat := ds(5, 1, 4, 2, 3) // unsorted on purpose
	s := *summarize(lat, 2, 2*time.Second)
	want := Measurement{Answers: 7, Errors: 2, RPS: 2.5, Elapsed: 2 * time.Second, P50: 3 * time.Millisecond,
		P90: 5 * time.Millisecond, P99: 5 * time.Millisecond, Max: 5 * time.Millisecond}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("summarize = %+v, want %+v", s, want)
	}
	if lat[0] != 5*time.Millisecond {
		t.Error("summarize sorted its argument in place")
	}
}

func TestSummarizeNothing(t *testing.T) {
	s := *summarize(nil, 3, 0)
	if !reflect.DeepEqual(s, Measurement{Answers: 3, Errors: 3}) {
		t.Errorf("summarize(nil, 3, 0) = %+v", s)
	}
}
