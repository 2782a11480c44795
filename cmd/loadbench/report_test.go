package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{nil, 0}, {[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5},
	}
	for _, tt := range tests {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// benchOf is a bench whose rounds measured these req/s, with items,
// errors, a p50 of p50ms and 100 µs of server CPU per 1,000 req/s.
func benchOf(name string, items, errors int, p50ms float64, rpss ...float64) *bench {
	b := &bench{target: Target{Name: name}}
	for _, r := range rpss {
		b.results = append(b.results, &Measurement{RPS: r, Items: items, Errors: errors, Answers: int(r), Elapsed: time.Second,
			P50: time.Duration(p50ms * float64(time.Millisecond)), P99: time.Duration(2 * p50ms * float64(time.Millisecond)),
			ServerCPU: time.Duration(r) * 100 * time.Microsecond, GenCPU: time.Duration(r) * 10 * time.Microsecond})
	}
	return b
}

func TestThroughputRatio(t *testing.T) {
	tests := []struct {
		name  string
		a, b  *bench
		want  []string
		avoid []string
	}{
		{"meets", benchOf("a", 10, 0, 1, 1000), benchOf("b", 10, 0, 1, 700),
			[]string{"at 0.70 of bare's req/s", "target ≥ 0.60 (stretch 0.75): meets", "server CPU per answer: 100 µs vs 100 µs"}, []string{"warning", "note"}},
		{"below, median of rounds", benchOf("a", 10, 0, 1, 1000, 1000, 2000), benchOf("b", 10, 0, 1, 500, 400, 1800),
			[]string{"at 0.50 of", "median of rounds 0.50, 0.40, 0.90", "below"}, nil},
		{"errors and differing pages", benchOf("a", 10, 0, 1, 1000), benchOf("b", 3, 7, 1, 900),
			[]string{"warning: b had errors", "note: the targets answered pages of different item counts [3 10]"}, nil},
		{"nothing to compare", benchOf("a", 10, 0, 1), benchOf("b", 3, 0, 1, 900), []string{"no round measured both"}, []string{"target ≥"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			throughputRatio(&buf, "x", "bare", tt.a, tt.b, 0.60, 0.75)
			expect(t, buf.String(), tt.want, tt.avoid)
		})
	}
}

func TestLatencyRatio(t *testing.T) {
	var buf bytes.Buffer
	latencyRatio(&buf, benchOf("r", 10, 0, 86, 90, 90), benchOf("c", 10, 0, 172, 40, 40), 1.3)
	expect(t, buf.String(), []string{"p50 = 2.00× one CRM call's p50", "172.00ms vs 86.00ms", "p99 = 2.00×", "goal ≤ 1.3×: above"}, nil)
	buf.Reset()
	latencyRatio(&buf, benchOf("r", 10, 0, 86, 90), benchOf("c", 10, 0, 100, 40), 1.3)
	expect(t, buf.String(), []string{"1.16×", "meets"}, nil)
}

func TestPrintRowAndCPU(t *testing.T) {
	m := &Measurement{RPS: 1000, Answers: 2000, Errors: 2, Elapsed: 2 * time.Second, Bytes: 2000 * 512,
		ServerCPU: 3 * time.Second, GenCPU: time.Second, Samples: []string{"status 503: busy"}}
	var buf bytes.Buffer
	printHeader(&buf)
	printRow(&buf, 0, "(b) x", m)
	expect(t, buf.String(), []string{"srv µs", "   512 ", "   0.50 ", "   1.50 ", "  1500\n", "error: status 503: busy"}, nil)
	buf.Reset()
	printCPU(&buf, "json", &wrkGenerator{}, []*bench{{results: []*Measurement{m}}})
	expect(t, buf.String(), []string{"load generator wrk used 0.50 cores", "the servers 1.50 cores", "share 25%"}, nil)
}

// expect fails unless out holds every string of want and none of avoid.
func expect(t *testing.T, out string, want, avoid []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	for _, w := range avoid {
		if strings.Contains(out, w) {
			t.Errorf("output has %q:\n%s", w, out)
		}
	}
}
