package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// Target is one URL under load.
type Target struct {
	// Name labels the target in the report.
	Name string
	// URL is requested with GET; its host must be 127.0.0.1.
	URL string
	// Cookies are Cookie header values (never printed); requests rotate
	// through them, one per request. None: no Cookie header.
	Cookies []string
	// Accept is the Accept header (default application/json).
	Accept string
	// Check validates the body of a 200 answer and returns its number of
	// items (default checkItems).
	Check func(body []byte) (int, error)
	// Conns, when positive, replaces the generator's connection count.
	Conns int
	// PID is the server process answering, for its CPU time (0: unknown).
	PID int
}

// accept returns the Accept header to send.
func (t Target) accept() string {
	if t.Accept == "" {
		return "application/json"
	}
	return t.Accept
}

// check validates the body of a 200 answer.
func (t Target) check(body []byte) (int, error) {
	if t.Check == nil {
		return checkItems(body)
	}
	return t.Check(body)
}

// cookie returns the Cookie header of the i-th request ("" for none).
func (t Target) cookie(i int) string {
	if len(t.Cookies) == 0 {
		return ""
	}
	return t.Cookies[i%len(t.Cookies)]
}

// LoadConfig bounds a load run.
type LoadConfig struct {
	// Workers is the number of concurrent request loops.
	Workers int
	// Duration is how long each loop runs.
	Duration time.Duration
	// MaxPerWorker bounds the requests of each loop.
	MaxPerWorker int
}

// maxBody bounds the body read from one response.
const maxBody = 4 << 20

// maxSamples is how many distinct error messages a run keeps.
const maxSamples = 5

// Run is the outcome of one load run.
type Run struct {
	// Latencies are those of the successful requests.
	Latencies []time.Duration
	// Errors counts failed requests.
	Errors int
	// Samples holds up to maxSamples distinct error messages.
	Samples []string
	// Elapsed is the wall time from the first to the last request.
	Elapsed time.Duration
	// Bytes and Items describe the last successful response.
	Bytes, Items int
}

// checkTarget refuses a URL whose host is not 127.0.0.1: the benchmark
// loads only the local machine.
func checkTarget(t Target) error {
	u, err := url.Parse(t.URL)
	if err != nil {
		return fmt.Errorf("target %s: %w", t.Name, err)
	}
	if u.Scheme != "http" || u.Hostname() != "127.0.0.1" {
		return fmt.Errorf("target %s: %s is not an http://127.0.0.1 URL", t.Name, redact(t.URL))
	}
	return nil
}

// newClient returns an HTTP client that keeps a connection per worker.
func newClient(workers int, timeout time.Duration) *http.Client {
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        workers * 2,
		MaxIdleConnsPerHost: workers * 2,
		IdleConnTimeout:     time.Minute,
		DisableCompression:  true,
	}
	return &http.Client{Transport: tr, Timeout: timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// Load sends GET requests to t from cfg.Workers loops until cfg.Duration
// passes, each loop sends cfg.MaxPerWorker requests, or ctx ends. Every
// response is checked with t's check; loop i starts at t's cookie i.
func Load(ctx context.Context, client *http.Client, t Target, cfg LoadConfig) (*Run, error) {
	if err := checkTarget(t); err != nil {
		return nil, err
	}
	if cfg.Workers < 1 || cfg.Duration <= 0 || cfg.MaxPerWorker < 1 {
		return nil, errors.New("load: workers, duration and max requests must be positive")
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	runs := make([]*Run, cfg.Workers)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range runs {
		runs[i] = &Run{}
		wg.Go(func() { worker(ctx, client, t, i, cfg.MaxPerWorker, runs[i]) })
	}
	wg.Wait()
	total := merge(runs)
	total.Elapsed = time.Since(start)
	return total, nil
}

// worker is one request loop, sending the cookies of t from the first-th on.
func worker(ctx context.Context, client *http.Client, t Target, first, limit int, r *Run) {
	for i := range limit {
		if ctx.Err() != nil {
			return
		}
		begin := time.Now()
		n, items, err := fetch(ctx, client, t, first+i)
		switch {
		case err == nil:
			r.Latencies = append(r.Latencies, time.Since(begin))
			r.Bytes, r.Items = n, items
		case ctx.Err() != nil:
			return // cut off by the end of the run: neither success nor error
		default:
			r.Errors++
			r.addSample(err.Error())
		}
	}
}

// fetch sends the i-th request of t and checks its answer; it returns the
// body size and the number of items.
func fetch(ctx context.Context, client *http.Client, t Target, i int) (int, int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.URL, nil)
	if err != nil {
		return 0, 0, err
	}
	req.Header.Set("Accept", t.accept())
	if c := t.cookie(i); c != "" {
		req.Header.Set("Cookie", c)
	}
	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is known; keep the message short
		}
		return 0, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return 0, 0, fmt.Errorf("reading body: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return 0, 0, fmt.Errorf("status %d: %s", resp.StatusCode, snippet(body))
	}
	items, err := t.check(body)
	return len(body), items, err
}

func (r *Run) addSample(msg string) { r.Samples = appendSample(r.Samples, msg) }

// merge adds the workers' runs together.
func merge(runs []*Run) *Run {
	total := &Run{}
	for _, r := range runs {
		total.Latencies = append(total.Latencies, r.Latencies...)
		total.Errors += r.Errors
		for _, s := range r.Samples {
			total.addSample(s)
		}
		if r.Bytes > 0 {
			total.Bytes, total.Items = r.Bytes, r.Items
		}
	}
	return total
}
