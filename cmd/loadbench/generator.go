package main

import (
	"context"
	"slices"
	"time"
)

// generator sends load to a target for a while and measures it.
type generator interface {
	// Name names the generator in the report.
	Name() string
	// Run loads t for about d and returns what it measured; the caller
	// sets ServerCPU.
	Run(ctx context.Context, t Target, d time.Duration) (*Measurement, error)
}

// Measurement is what one load run measured.
type Measurement struct {
	// Answers counts the answers received, whatever their status.
	Answers int
	// Errors counts failed requests: transport errors, timeouts, and
	// answers the generator rejects (wrk: status 400 or above; the Go
	// generator: any status but 200, or a body the target's check refuses).
	Errors int
	// Samples holds up to maxSamples distinct error messages.
	Samples []string
	// Elapsed is the measured wall time.
	Elapsed time.Duration
	// RPS is successful answers per second of Elapsed.
	RPS float64
	// P50, P90, P99 and Max are answer latencies as the generator sees
	// them (wrk: every answer; the Go generator: successful ones).
	P50, P90, P99, Max time.Duration
	// Bytes is everything received, headers included (0 when unknown).
	Bytes int64
	// Items is the item count of the last checked answer.
	Items int
	// GenCPU is the CPU time the load generator used during the run.
	GenCPU time.Duration
	// Suspect is set when the answers' sizes show that some were not the
	// checked page (see checkAnswerSize).
	Suspect bool
	// ServerCPU is the CPU time the target's server process used during
	// the run (0 when unknown).
	ServerCPU time.Duration
}

// addSample keeps msg among the error samples.
func (m *Measurement) addSample(msg string) { m.Samples = appendSample(m.Samples, msg) }

// appendSample adds msg to samples unless it is already there or there
// are maxSamples.
func appendSample(samples []string, msg string) []string {
	if len(samples) >= maxSamples || slices.Contains(samples, msg) {
		return samples
	}
	return append(samples, msg)
}
