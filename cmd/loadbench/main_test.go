package main

import (
	"io"
	"testing"
	"time"
)

func TestParseOptions(t *testing.T) {
	o, err := parseOptions([]string{"-duration", "5s", "-targets", "json,cold", "-rounds", "3", "-cache-contacts", "10, 20"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if o.duration != 5*time.Second || o.conns != 64 || o.rounds != 3 || !o.has("json") || o.has("html") || !o.has("cold") ||
		o.generator != "wrk" || o.latency != 86*time.Millisecond || len(o.cacheContacts) != 2 || o.cacheContacts[1] != 20 {
		t.Errorf("options %+v", o)
	}
	if o.needsClientgate() != true {
		t.Error("json needs clientgate")
	}
	if o, err := parseOptions([]string{"-targets", "cache"}, io.Discard); err != nil || o.needsClientgate() {
		t.Errorf("cache alone: %v, needs clientgate %v", err, o != nil && o.needsClientgate())
	}
	if _, err := parseOptions([]string{"-generator", "go", "-duration", "200ms"}, io.Discard); err != nil {
		t.Errorf("the Go generator takes short runs: %v", err)
	}
	for _, args := range [][]string{
		{"-connections", "0"}, {"-duration", "0s"}, {"-rounds", "0"}, {"-warmup", "-1s"}, {"-invoices", "0"},
		{"-targets", "json,d"}, {"-targets", ""}, {"extra"}, {"-nope"}, {"-generator", "ab"},
		{"-duration", "500ms"}, {"-cache-contacts", "10,x"}, {"-cache-contacts", "0"}, {"-clients", "0"},
	} {
		if _, err := parseOptions(args, io.Discard); err == nil {
			t.Errorf("parseOptions(%q) accepted it", args)
		}
	}
}
