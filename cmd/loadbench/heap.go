package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// liveHeapOf asks the clientgate whose metrics listener is at base for a
// heap profile with a garbage collection first (pprof's gc=1), then reads
// go_memstats_heap_alloc_bytes from its metrics: the live heap, give or
// take what was allocated in between.
func liveHeapOf(ctx context.Context, base string) (int64, error) {
	c := &http.Client{Timeout: 30 * time.Second}
	if _, err := get(ctx, c, base+"/debug/pprof/heap?gc=1"); err != nil {
		return 0, err
	}
	body, err := get(ctx, c, base+"/metrics")
	if err != nil {
		return 0, err
	}
	return metricValue(body, "go_memstats_heap_alloc_bytes")
}

// get fetches u and wants a 200.
func get(ctx context.Context, c *http.Client, u string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: status %d", redact(u), resp.StatusCode)
	}
	return string(body), err
}

// metricValue returns the value of an unlabelled metric in a Prometheus
// text exposition.
func metricValue(exposition, name string) (int64, error) {
	sc := bufio.NewScanner(strings.NewReader(exposition))
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), name+" ")
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
		if err != nil {
			return 0, fmt.Errorf("metric %s: %w", name, err)
		}
		return int64(v), nil
	}
	return 0, fmt.Errorf("no metric %s", name)
}
