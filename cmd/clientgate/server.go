package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"clientgate/config"
)

// shutdownTimeout bounds how long in-flight requests may take to finish
// after SIGTERM or SIGINT.
const shutdownTimeout = 20 * time.Second

// runServers serves handler on listen.addr and reg's metrics on
// metrics.addr (when set) until ctx ends, then shuts both down gracefully.
func runServers(ctx context.Context, cfg *config.Config, handler http.Handler, reg *prometheus.Registry, log *slog.Logger) error {
	servers := []*namedServer{newServer("portal", cfg.Listen.Addr, handler, log)}
	if cfg.Metrics.Addr != "" {
		servers = append(servers, newServer("metrics", cfg.Metrics.Addr, metricsHandler(reg, cfg.Metrics.Pprof), log))
	}
	for _, s := range servers {
		if err := s.listen(); err != nil {
			closeAll(servers)
			return err
		}
	}
	errs := make(chan error, len(servers))
	for _, s := range servers {
		go func() { errs <- s.serve() }()
	}
	var err error
	select {
	case <-ctx.Done():
		log.Info("shutting down", "timeout", shutdownTimeout.String())
	case err = <-errs:
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	for _, s := range servers {
		if serr := s.srv.Shutdown(sctx); serr != nil {
			err = errors.Join(err, fmt.Errorf("%s server shutdown: %w", s.name, serr))
		}
	}
	if err == nil {
		log.Info("stopped")
	}
	return err
}

// namedServer is an http.Server with the listener it serves on.
type namedServer struct {
	name string
	srv  *http.Server
	ln   net.Listener
	log  *slog.Logger
}

func newServer(name, addr string, h http.Handler, log *slog.Logger) *namedServer {
	return &namedServer{name: name, log: log, srv: &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}}
}

// listen opens the listener and logs the address actually bound.
func (s *namedServer) listen() error {
	ln, err := net.Listen("tcp", s.srv.Addr)
	if err != nil {
		return fmt.Errorf("%s listener: %w", s.name, err)
	}
	s.ln = ln
	s.log.Info("listening", "server", s.name, "addr", ln.Addr().String())
	return nil
}

// serve serves until Shutdown; ErrServerClosed is the normal end.
func (s *namedServer) serve() error {
	if err := s.srv.Serve(s.ln); !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("%s server: %w", s.name, err)
	}
	return nil
}

func closeAll(servers []*namedServer) {
	for _, s := range servers {
		if s.ln != nil {
			s.ln.Close()
		}
	}
}

// newRegistry returns the Prometheus registry of the process, holding the
// Go runtime and process collectors; the packages that export metrics
// register theirs on it. Beside the default Go metrics it exports the
// runtime's limits (go_gc_gomemlimit_bytes, go_gc_gogc_percent,
// go_sched_gomaxprocs_threads), so that the dashboard shows memory against
// GOMEMLIMIT.
func newRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	limits := collectors.GoRuntimeMetricsRule{
		Matcher: regexp.MustCompile(`^/gc/gomemlimit:bytes$|^/gc/gogc:percent$|^/sched/gomaxprocs:threads$`),
	}
	reg.MustRegister(collectors.NewGoCollector(collectors.WithGoCollectorRuntimeMetrics(limits)),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// metricsHandler serves GET /metrics from reg and, with pprof, Go's
// profiling endpoints.
func metricsHandler(reg *prometheus.Registry, pprof bool) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	if pprof {
		addPprof(mux)
	}
	return mux
}
