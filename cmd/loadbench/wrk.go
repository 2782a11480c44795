package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

//go:embed wrk.lua
var wrkScript string

// wrkMarker starts the line that wrk.lua's done() prints.
const wrkMarker = "LOADBENCH-WRK "

// wrkGenerator runs wrk (https://github.com/wg/wrk, Debian's package) as
// a child process for every run.
type wrkGenerator struct {
	path           string // the wrk binary
	threads, conns int
	timeout        time.Duration
	dir            string // where the per-target scripts are written
}

// findWrk returns the path of the wrk binary named by name (a path or a
// name looked up in PATH), with advice when it is missing.
func findWrk(name string) (string, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("wrk not found (%w): install Debian's wrk package (apt-get install wrk), name it with -wrk, or use -generator go, which under-reports", err)
	}
	return path, nil
}

// Name names the generator in the report.
func (g *wrkGenerator) Name() string { return "wrk" }

// Run runs wrk against t for d rounded up to whole seconds (wrk's unit;
// the request timeout too).
func (g *wrkGenerator) Run(ctx context.Context, t Target, d time.Duration) (*Measurement, error) {
	if err := checkTarget(t); err != nil {
		return nil, err
	}
	script, err := writeWrkScript(g.dir, t)
	if err != nil {
		return nil, err
	}
	defer os.Remove(script)
	conns := g.conns
	if t.Conns > 0 {
		conns = t.Conns
	}
	cmd := exec.CommandContext(ctx, g.path, "-t", strconv.Itoa(min(g.threads, conns)), "-c", strconv.Itoa(conns),
		"-d", wholeSeconds(d), "--timeout", wholeSeconds(g.timeout), "-s", script, t.URL)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s: wrk: %w: %s", t.Name, err, strings.TrimSpace(stderr.String()+" "+stdout.String()))
	}
	sum, err := parseWrkOutput(stdout.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", t.Name, err)
	}
	m := sum.measurement()
	m.GenCPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return m, nil
}

// wholeSeconds formats d rounded up to whole seconds, at least one, as
// wrk's time arguments want it ("3s").
func wholeSeconds(d time.Duration) string {
	return fmt.Sprintf("%ds", max(1, int(math.Ceil(d.Seconds()))))
}

// writeWrkScript writes the Lua script for t into dir (readable by this
// user only: it holds session cookies) and returns its path.
func writeWrkScript(dir string, t Target) (string, error) {
	var b strings.Builder
	b.WriteString("cookies = {")
	for i, c := range t.Cookies {
		q, err := luaString(c)
		if err != nil {
			return "", fmt.Errorf("%s: cookie %d: %w", t.Name, i+1, err)
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(q)
	}
	accept, err := luaString(t.accept())
	if err != nil {
		return "", fmt.Errorf("%s: accept: %w", t.Name, err)
	}
	fmt.Fprintf(&b, "}\naccept = %s\n\n%s", accept, wrkScript)
	f, err := os.CreateTemp(dir, "wrk-*.lua")
	if err != nil {
		return "", err
	}
	_, err = f.WriteString(b.String())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return filepath.Clean(f.Name()), nil
}

// luaString quotes s as a Lua string literal; it refuses characters
// outside printable ASCII, which no header value needs.
func luaString(s string) (string, error) {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 || c > 0x7e:
			return "", fmt.Errorf("byte %#x at %d is not printable ASCII", c, i)
		case c == '"' || c == '\\':
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte('"')
	return b.String(), nil
}

// wrkSummary is the line wrk.lua's done() prints.
type wrkSummary struct {
	DurationUS int64 `json:"duration_us"`
	Requests   int64 `json:"requests"`
	Bytes      int64 `json:"bytes"`
	Connect    int64 `json:"connect"`
	Read       int64 `json:"read"`
	Write      int64 `json:"write"`
	Status     int64 `json:"status"`
	Timeout    int64 `json:"timeout"`
	P50US      int64 `json:"p50_us"`
	P90US      int64 `json:"p90_us"`
	P99US      int64 `json:"p99_us"`
	MaxUS      int64 `json:"max_us"`
}

// parseWrkOutput finds and decodes the summary line in wrk's output.
func parseWrkOutput(out []byte) (wrkSummary, error) {
	var s wrkSummary
	for line := range strings.Lines(string(out)) {
		rest, ok := strings.CutPrefix(line, wrkMarker)
		if !ok {
			continue
		}
		if err := json.Unmarshal([]byte(rest), &s); err != nil {
			return s, fmt.Errorf("wrk summary: %w", err)
		}
		if s.DurationUS <= 0 || s.Requests < 0 || s.Status > s.Requests {
			return s, fmt.Errorf("wrk summary: implausible %s", strings.TrimSpace(rest))
		}
		return s, nil
	}
	return s, errors.New("wrk printed no summary line (did the script's done() run?)")
}

// measurement converts the summary. wrk counts an answer with status 400
// or above as a status error (3xx counts as success: measure checks
// answer sizes for that), and socket errors apart from the answers.
func (s wrkSummary) measurement() *Measurement {
	us := func(n int64) time.Duration { return time.Duration(n) * time.Microsecond }
	m := &Measurement{
		Answers: int(s.Requests), Elapsed: us(s.DurationUS), Bytes: s.Bytes,
		P50: us(s.P50US), P90: us(s.P90US), P99: us(s.P99US), Max: us(s.MaxUS),
	}
	ok := s.Requests - s.Status
	m.RPS = float64(ok) / m.Elapsed.Seconds()
	socket := s.Connect + s.Read + s.Write + s.Timeout
	m.Errors = int(s.Status + socket)
	if s.Status > 0 {
		m.addSample(fmt.Sprintf("%d answers with status 400 or above", s.Status))
	}
	if socket > 0 {
		m.addSample(fmt.Sprintf("socket errors: connect %d, read %d, write %d, timeout %d", s.Connect, s.Read, s.Write, s.Timeout))
	}
	return m
}
