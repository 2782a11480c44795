package main

import (
	"io"
	"testing"
	"time"
)

func TestParseOptions(t *testing.T) {
	o, err := parseOptions([]string{"-duration", "5s", "-targets", "a,c", "-rounds", "3"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if o.duration != 5*time.Second || o.workers != 32 || o.rounds != 3 || !o.has("a") || o.has("b") || !o.has("c") {
		t.Errorf("options %+v", o)
	}
	for _, args := range [][]string{
		{"-workers", "0"}, {"-duration", "0s"}, {"-rounds", "0"}, {"-warmup", "-1s"}, {"-invoices", "0"},
		{"-targets", "a,d"}, {"-targets", ""}, {"extra"}, {"-nope"},
	} {
		if _, err := parseOptions(args, io.Discard); err == nil {
			t.Errorf("parseOptions(%q) accepted it", args)
		}
	}
}
