package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/prometheus/client_golang/prometheus"
)

// revision is the VCS revision, set at build time with
// -ldflags "-X main.revision=<commit>" (the Dockerfile's REVISION
// argument); otherwise it comes from the build information Go records.
var revision = ""

// revisionString returns the build's VCS revision, or "unknown".
func revisionString() string {
	if revision != "" {
		return revision
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && s.Value != "" {
				return s.Value
			}
		}
	}
	return "unknown"
}

// registerBuildInfo registers clientgate_build_info, always 1, labelled
// with the version, the revision and the Go version.
func registerBuildInfo(reg prometheus.Registerer) error {
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "clientgate_build_info",
		Help: "Always 1; the labels name the running build.",
		ConstLabels: prometheus.Labels{
			"version": versionString(), "revision": revisionString(), "go_version": runtime.Version(),
		},
	})
	g.Set(1)
	if err := reg.Register(g); err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	return nil
}
