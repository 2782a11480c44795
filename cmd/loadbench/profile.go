package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// saveProfile fetches a CPU profile of d (whole seconds, at least 1) from
// the pprof endpoint of the metrics listener at metricsBase and writes it
// to path.
func saveProfile(ctx context.Context, metricsBase string, d time.Duration, path string) error {
	secs := max(1, int(d.Seconds()))
	u := fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", metricsBase, secs)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := (&http.Client{Timeout: d + 30*time.Second}).Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("%s: status %d: %s (is metrics.pprof on?)", u, resp.StatusCode, snippet(body))
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
