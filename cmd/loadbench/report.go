package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
)

const rowFormat = "%-46s %5s %7s %9s %9s %9s %9s %8s %6s %6s %7s %7s %7s\n"

// printHeader prints the column names of the rows.
func printHeader(w io.Writer) {
	fmt.Fprintf(w, rowFormat, "target", "round", "req/s", "p50", "p90", "p99", "max", "answers", "errors", "B/ans",
		"gen CPU", "srv CPU", "srv µs")
}

// printRow prints one run's figures and its error samples. CPU columns
// are in cores (CPU time over wall time); "srv µs" is the server's CPU
// time per answer; B/ans is bytes per answer, headers included.
func printRow(w io.Writer, round int, name string, m *Measurement) {
	perAnswer, srv, perCPU := "-", "-", "-"
	if m.Bytes > 0 && m.Answers > 0 {
		perAnswer = fmt.Sprint(m.Bytes / int64(m.Answers))
	}
	if m.ServerCPU > 0 {
		srv = cores(m.ServerCPU, m.Elapsed)
		perCPU = fmt.Sprintf("%.0f", cpuPerAnswer(m))
	}
	fmt.Fprintf(w, rowFormat, name, fmt.Sprint(round+1), fmt.Sprintf("%.0f", m.RPS), ms(m.P50), ms(m.P90), ms(m.P99), ms(m.Max),
		fmt.Sprint(m.Answers), fmt.Sprint(m.Errors), perAnswer, cores(m.GenCPU, m.Elapsed), srv, perCPU)
	for _, msg := range m.Samples {
		fmt.Fprintf(w, "    error: %s\n", msg)
	}
}

// cores formats CPU time used over a wall time as a number of cores.
func cores(cpu, wall time.Duration) string {
	if wall <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", cpu.Seconds()/wall.Seconds())
}

// ms formats a latency in milliseconds.
func ms(d time.Duration) string {
	return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond))
}

// perRound returns f(num)/f(den) for every round both ran.
func perRound(den, num *bench, f func(*Measurement) float64) []float64 {
	var out []float64
	for i := range min(len(den.results), len(num.results)) {
		if d := f(den.results[i]); d > 0 {
			out = append(out, f(num.results[i])/d)
		}
	}
	return out
}

func rps(m *Measurement) float64 { return m.RPS }

// cpuPerAnswer returns the server's CPU time per answer in microseconds
// (0 when unknown).
func cpuPerAnswer(m *Measurement) float64 {
	if m.Answers == 0 {
		return 0
	}
	return float64(m.ServerCPU.Microseconds()) / float64(m.Answers)
}

// throughputRatio prints num's req/s as a share of den's (median of the
// rounds) against a target and, when positive, a stretch target.
func throughputRatio(w io.Writer, what, baseline string, den, num *bench, target, stretch float64) {
	rs := perRound(den, num, rps)
	if len(rs) == 0 {
		fmt.Fprintf(w, "%s: no round measured both targets\n", what)
		return
	}
	m := median(rs)
	verdict := "meets"
	if m < target {
		verdict = "below"
	}
	goal := fmt.Sprintf("target ≥ %.2f", target)
	if stretch > 0 {
		goal += fmt.Sprintf(" (stretch %.2f)", stretch)
	}
	fmt.Fprintf(w, "%s at %.2f of %s's req/s (median of rounds %s); %s: %s\n", what, m, baseline, ratioList(rs), goal, verdict)
	if cpu := perRound(num, den, cpuPerAnswer); len(cpu) > 0 {
		fmt.Fprintf(w, "  server CPU per answer: %.0f µs vs %.0f µs: %s costs %.2f of clientgate's CPU per answer (median of rounds %s)\n",
			median(cpuOf(den)), median(cpuOf(num)), baseline, median(cpu), ratioList(cpu))
	}
	warnings(w, den, num)
}

// cpuOf returns b's CPU per answer, one per round.
func cpuOf(b *bench) []float64 {
	var out []float64
	for _, m := range b.results {
		out = append(out, cpuPerAnswer(m))
	}
	return out
}

// latencyRatio prints the cold page's p50 and p99 as multiples of one CRM
// call's, against the goal.
func latencyRatio(w io.Writer, call, page *bench, goal float64) {
	p50 := perRound(call, page, func(m *Measurement) float64 { return float64(m.P50) })
	p99 := perRound(call, page, func(m *Measurement) float64 { return float64(m.P99) })
	if len(p50) == 0 {
		fmt.Fprintln(w, "cold: no round measured both targets")
		return
	}
	m := median(p50)
	verdict := "meets"
	if m > goal {
		verdict = "above"
	}
	last := len(page.results) - 1
	fmt.Fprintf(w, "cold: invoices page p50 = %.2f× one CRM call's p50 (median of rounds %s; last round %s vs %s), p99 = %.2f×; goal ≤ %.1f×: %s\n",
		m, ratioList(p50), ms(page.results[last].P50), ms(call.results[last].P50), median(p99), goal, verdict)
	warnings(w, call, page)
}

// warnings notes errors, suspect answer sizes and differing pages.
func warnings(w io.Writer, benches ...*bench) {
	items := map[int]bool{}
	for _, b := range benches {
		for _, m := range b.results {
			items[m.Items] = true
			if m.Errors > 0 || m.Suspect {
				fmt.Fprintf(w, "  warning: %s had errors or answers that were not the page; req/s counts successful answers only\n", b.target.Name)
				break
			}
		}
	}
	if len(items) > 1 {
		fmt.Fprintf(w, "  note: the targets answered pages of different item counts %v: the pages differ\n", slices.Sorted(maps.Keys(items)))
	}
}

// printCPU states the load generator's share of the CPU the measurement
// used: on a machine of few cores, what the generator takes the servers
// do not get.
func printCPU(w io.Writer, name string, gen generator, benches []*bench) {
	var genCPU, srvCPU, wall time.Duration
	for _, b := range benches {
		for _, m := range b.results {
			genCPU += m.GenCPU
			srvCPU += m.ServerCPU
			wall += m.Elapsed
		}
	}
	if genCPU+srvCPU <= 0 {
		return
	}
	fmt.Fprintf(w, "%s: load generator %s used %s cores on average, the servers %s cores: the generator's share %.0f%%\n",
		name, strings.SplitN(gen.Name(), " ", 2)[0], cores(genCPU, wall), cores(srvCPU, wall), 100*genCPU.Seconds()/(genCPU+srvCPU).Seconds())
}

// printRSS prints a process's resident set size.
func printRSS(w io.Writer, what string, c *child) {
	rss, err := c.rss()
	if err != nil {
		fmt.Fprintf(w, "%s: unknown: %v\n", what, err)
		return
	}
	fmt.Fprintf(w, "%s: %.1f MiB\n", what, float64(rss)/(1<<20))
}

// median returns the median of xs (the mean of the middle two when even).
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// ratioList formats ratios as "0.51, 0.48".
func ratioList(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprintf("%.2f", x)
	}
	return strings.Join(parts, ", ")
}
