package main

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestMetricsHandlerPprofOnlyWhenOn(t *testing.T) {
	tests := []struct {
		pprof bool
		path  string
		want  int
	}{
		{false, "/metrics", http.StatusOK},
		{false, "/debug/pprof/", http.StatusNotFound},
		{false, "/debug/pprof/cmdline", http.StatusNotFound},
		{true, "/metrics", http.StatusOK},
		{true, "/debug/pprof/", http.StatusOK},
		{true, "/debug/pprof/cmdline", http.StatusOK},
		{true, "/debug/pprof/heap?debug=1", http.StatusOK},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		metricsHandler(newRegistry(), tt.pprof).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		if rec.Code != tt.want {
			t.Errorf("pprof %v: GET %s = %d, want %d", tt.pprof, tt.path, rec.Code, tt.want)
		}
	}
}
