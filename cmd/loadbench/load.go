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
	// Cookie, when set, is sent as the Cookie header (never printed).
	Cookie string
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
// response is checked with checkItems.
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
		wg.Go(func() { worker(ctx, client, t, cfg.MaxPerWorker, runs[i]) })
	}
	wg.Wait()
	total := merge(runs)
	total.Elapsed = time.Since(start)
	return total, nil
}

// worker is one request loop.
func worker(ctx context.Context, client *http.Client, t Target, limit int, r *Run) {
	for range limit {
		if ctx.Err() != nil {
			return
		}
		begin := time.Now()
		n, items, err := fetch(ctx, client, t)
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

// fetch sends one request and checks its answer; it returns the body size
// and the number of items.
func fetch(ctx context.Context, client *http.Client, t Target) (int, int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.URL, nil)
	if err != nil {
		return 0, 0, err
	}
	req.Header.Set("Accept", "application/json")
	if t.Cookie != "" {
		req.Header.Set("Cookie", t.Cookie)
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
	items, err := checkItems(body)
	return len(body), items, err
}

func (r *Run) addSample(msg string) {
	if len(r.Samples) >= maxSamples {
		return
	}
	for _, s := range r.Samples {
		if s == msg {
			return
		}
	}
	r.Samples = append(r.Samples, msg)
}

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
