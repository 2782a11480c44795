package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
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

// res is a result with the given req/s, items and errors.
func res(name string, rps float64, items, errors int) *result {
	return &result{target: Target{Name: name}, run: &Run{Items: items, Errors: errors},
		summary: Summary{RPS: rps, Errors: errors, Requests: int(rps) + errors}}
}

func TestReportPrint(t *testing.T) {
	tests := []struct {
		name  string
		a, b  []*result
		want  []string
		avoid []string
	}{
		{"meets", []*result{res("a", 1000, 10, 0)}, []*result{res("b", 700, 10, 0)},
			[]string{"ratio (b)/(a): 70.0%", "target 60%: meets", "RSS after (b): 1.0 MiB"}, []string{"warning", "note", "median"}},
		{"below, median of rounds", []*result{res("a", 1000, 10, 0), res("a", 1000, 10, 0), res("a", 2000, 10, 0)},
			[]*result{res("b", 500, 10, 0), res("b", 400, 10, 0), res("b", 1800, 10, 0)},
			[]string{"ratio (b)/(a): 50.0%", "median of rounds 50.0%, 40.0%, 90.0%", "below"}, nil},
		{"errors and differing pages", []*result{res("a", 1000, 10, 0)}, []*result{res("b", 900, 3, 7)},
			[]string{"warning: errors occurred", "note: (a) answers 10 items, (b) 3"}, nil},
		{"b only", nil, []*result{res("b", 900, 3, 0)}, []string{"needs both a and b"}, []string{"%", "target"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := &report{rss: 1 << 20}
			for i, r := range tt.a {
				rep.add(io.Discard, i, "a", r)
			}
			for i, r := range tt.b {
				rep.add(io.Discard, i, "b", r)
			}
			var buf bytes.Buffer
			rep.print(&buf)
			for _, w := range tt.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, buf.String())
				}
			}
			for _, w := range tt.avoid {
				if strings.Contains(buf.String(), w) {
					t.Errorf("output has %q:\n%s", w, buf.String())
				}
			}
		})
	}
}

func TestReportRowShowsErrors(t *testing.T) {
	r := res("(b) x", 10, 10, 2)
	r.run.Samples = []string{"status 503: busy"}
	var buf bytes.Buffer
	(&report{}).add(&buf, 0, "b", r)
	if out := buf.String(); !strings.Contains(out, "errors") || !strings.Contains(out, "error: status 503: busy") {
		t.Errorf("row:\n%s", out)
	}
}
