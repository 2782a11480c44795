package main

import (
	"os"
	"testing"
	"time"
)

func TestParseStatCPU(t *testing.T) {
	tests := []struct {
		name, in string
		want     time.Duration
		ok       bool
	}{
		{"plain", "4242 (clientgate) S 1 4242 4242 0 -1 4194560 900 0 0 0 150 25 0 0 20 0 9 0 100 0 0", 1750 * time.Millisecond, true},
		{"name with spaces and parens", "7 (a b) c)) R 1 7 7 0 -1 0 0 0 0 0 3 4 0 0 20 0 1 0 1 0 0", 70 * time.Millisecond, true},
		{"no name", "4242 clientgate S 1", 0, false},
		{"too short", "1 (x) S 1 2 3", 0, false},
		{"not a number", "1 (x) S 1 1 1 0 -1 0 0 0 0 0 lots 4 0", 0, false},
		{"negative", "1 (x) S 1 1 1 0 -1 0 0 0 0 0 -3 4 0", 0, false},
	}
	for _, tt := range tests {
		got, err := parseStatCPU(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("%s: parseStatCPU = %v, %v; want %v, ok=%v", tt.name, got, err, tt.want, tt.ok)
		}
	}
}

func TestProcCPUOfThisProcess(t *testing.T) {
	start := time.Now()
	for time.Since(start) < 50*time.Millisecond { // burn some CPU
	}
	got, err := procCPU(os.Getpid())
	if err != nil || got <= 0 {
		t.Fatalf("procCPU = %v, %v", got, err)
	}
	if self := selfCPU(); self <= 0 {
		t.Errorf("selfCPU = %v", self)
	}
	if _, err := procCPU(-1); err == nil {
		t.Error("procCPU(-1) found a process")
	}
}
