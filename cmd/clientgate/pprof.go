package main

import (
	"net/http"
	"net/http/pprof"
)

// addPprof adds Go's profiling endpoints under /debug/pprof/ to mux (the
// metrics listener's, when metrics.pprof is on; never the portal's).
func addPprof(mux *http.ServeMux) {
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
}
