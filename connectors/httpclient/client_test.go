package httpclient

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"clientgate/connectors"
)

const secret = "s3cr3t-VALUE"

// counting starts a server that counts its requests and answers with h.
func counting(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func fast(edit func(*Options)) *Client {
	o := Options{Timeout: 2 * time.Second, Retries: 2, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
		SecretParams: []string{"api_secret"}}
	if edit != nil {
		edit(&o)
	}
	return New(o)
}

func request(t *testing.T, method, url string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, url+"?api_key=k&api_secret="+secret, strings.NewReader(`{"a":1}`))
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func TestRetries(t *testing.T) {
	tests := []struct {
		name     string
		method   string
		status   int
		header   map[string]string
		ctx      func(context.Context) context.Context
		attempts int32
	}{
		{"GET 500 retried", http.MethodGet, 500, nil, nil, 3},
		{"GET 503 retried", http.MethodGet, 503, nil, nil, 3},
		{"GET 429 Retry-After 0 retried", http.MethodGet, 429, map[string]string{"Retry-After": "0"}, nil, 3},
		{"GET 501 not retried", http.MethodGet, 501, nil, nil, 1},
		{"GET 404 not retried", http.MethodGet, 404, nil, nil, 1},
		{"POST 500 sent once", http.MethodPost, 500, nil, nil, 1},
		{"POST 429 sent once", http.MethodPost, 429, nil, nil, 1},
		{"PUT 503 sent once", http.MethodPut, 503, nil, nil, 1},
		{"POST marked idempotent retried", http.MethodPost, 500, nil, WithIdempotent, 3},
		{"GET Retry-After beyond the max not retried", http.MethodGet, 429, map[string]string{"Retry-After": "60"}, nil, 1},
		{"GET 503 Retry-After date beyond the max not retried", http.MethodGet, 503,
			map[string]string{"Retry-After": time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, n := counting(t, func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte("answer body"))
			})
			var retries atomic.Int32
			c := fast(func(o *Options) { o.OnRetry = func(string) { retries.Add(1) } })
			ctx := context.Background()
			if tt.ctx != nil {
				ctx = tt.ctx(ctx)
			}
			resp, err := c.Do(ctx, request(t, tt.method, srv.URL))
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			if resp.StatusCode != tt.status || string(resp.Body) != "answer body" {
				t.Errorf("got %d %q, want the last answer %d", resp.StatusCode, resp.Body, tt.status)
			}
			if got := n.Load(); got != tt.attempts {
				t.Errorf("%d attempts, want %d", got, tt.attempts)
			}
			if got := retries.Load(); got != tt.attempts-1 {
				t.Errorf("OnRetry called %d times, want %d", got, tt.attempts-1)
			}
		})
	}
}

func TestRetryThenSuccess(t *testing.T) {
	var seen atomic.Int32
	srv, n := counting(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("api_secret") != secret {
			w.WriteHeader(400)
			return
		}
		if seen.Add(1) == 1 {
			w.WriteHeader(502)
			return
		}
		_, _ = w.Write([]byte("ok"))
	})
	resp, err := fast(nil).Do(context.Background(), request(t, http.MethodGet, srv.URL))
	if err != nil || resp.StatusCode != 200 || string(resp.Body) != "ok" || n.Load() != 2 {
		t.Fatalf("got %v %v after %d attempts", resp, err, n.Load())
	}
}

func TestBackoffHonoursRetryAfter(t *testing.T) {
	answer := func(code int, after string) *http.Response {
		return &http.Response{StatusCode: code, Header: http.Header{"Retry-After": {after}}}
	}
	tests := []struct {
		resp *http.Response
		want time.Duration
	}{
		{answer(429, "1"), time.Second},
		{answer(503, "0"), 0},
		{answer(429, "3"), 2 * time.Second}, // capped at the max
	}
	for _, tt := range tests {
		if got := backoff(10*time.Millisecond, 2*time.Second, 0, tt.resp); got != tt.want {
			t.Errorf("Retry-After %s: waited %v, want %v", tt.resp.Header.Get("Retry-After"), got, tt.want)
		}
	}
	for attempt := range 20 {
		if got := backoff(10*time.Millisecond, time.Second, attempt, nil); got < 10*time.Millisecond || got > time.Second {
			t.Errorf("attempt %d: backoff %v outside [min, max]", attempt, got)
		}
	}
	for _, bad := range []string{"", "-1", "soon"} {
		if _, ok := retryAfter(answer(429, bad)); ok {
			t.Errorf("Retry-After %q accepted", bad)
		}
	}
	if _, ok := retryAfter(answer(500, "1")); ok {
		t.Error("Retry-After read on a 500")
	}
}

func TestTimeout(t *testing.T) {
	block := make(chan struct{})
	srv, _ := counting(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	})
	defer close(block)
	c := fast(func(o *Options) { o.Timeout = 50 * time.Millisecond; o.Retries = -1 })
	_, err := c.Do(context.Background(), request(t, http.MethodGet, srv.URL))
	if !errors.Is(err, connectors.ErrUnavailable) || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("got %v, want ErrUnavailable timed out", err)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		t.Error("the call's own timeout must not look like the caller's deadline")
	}
}

func TestContextCancelled(t *testing.T) {
	block := make(chan struct{})
	srv, _ := counting(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	})
	defer close(block)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(20 * time.Millisecond)
		cancel()
	}()
	// The request carries no context of its own: ctx governs the call.
	_, err := fast(nil).Do(ctx, request(t, http.MethodGet, srv.URL))
	if !errors.Is(err, context.Canceled) || errors.Is(err, connectors.ErrUnavailable) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	done, stop := context.WithCancel(context.Background())
	stop()
	if _, err := fast(nil).Do(done, request(t, http.MethodGet, srv.URL)); !errors.Is(err, context.Canceled) {
		t.Errorf("already cancelled: %v", err)
	}
	if strings.Contains(err.Error(), secret) {
		t.Errorf("secret in %v", err)
	}
}

func TestBodyCap(t *testing.T) {
	srv, _ := counting(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(strings.Repeat("x", 100)))
	})
	c := fast(func(o *Options) { o.MaxBodyBytes = 99 })
	_, err := c.Do(context.Background(), request(t, http.MethodGet, srv.URL))
	if !errors.Is(err, connectors.ErrUnavailable) || !strings.Contains(err.Error(), "larger than 99 bytes") {
		t.Fatalf("got %v", err)
	}
	c = fast(func(o *Options) { o.MaxBodyBytes = 100 })
	if resp, err := c.Do(context.Background(), request(t, http.MethodGet, srv.URL)); err != nil || len(resp.Body) != 100 {
		t.Fatalf("a body of exactly the cap: %v", err)
	}
}

func TestRedirectNotFollowed(t *testing.T) {
	var followed atomic.Int32
	srv, _ := counting(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/elsewhere" {
			followed.Add(1)
			return
		}
		http.Redirect(w, r, "/elsewhere?"+r.URL.RawQuery, http.StatusMovedPermanently)
	})
	resp, err := fast(nil).Do(context.Background(), request(t, http.MethodGet, srv.URL+"/api"))
	if err != nil || resp.StatusCode != http.StatusMovedPermanently || followed.Load() != 0 {
		t.Fatalf("got %v %v, followed %d", resp, err, followed.Load())
	}
}

func TestSecretsRedacted(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // connection refused from now on
	c := fast(nil)
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		req := request(t, method, strings.Replace(url, "http://", "http://user:pa55word@", 1))
		_, err := c.Do(context.Background(), req)
		if !errors.Is(err, connectors.ErrUnavailable) {
			t.Fatalf("%s: got %v, want ErrUnavailable", method, err)
		}
		if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "pa55word") || !strings.Contains(err.Error(), "REDACTED") {
			t.Errorf("%s: error not redacted: %v", method, err)
		}
	}
	if got := c.Redact(nil); got != "" {
		t.Errorf("Redact(nil) = %q", got)
	}
}
