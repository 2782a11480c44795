package ics

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`a\b`, `a\\b`},
		{"a;b,c", `a\;b\,c`},
		{"one\r\ntwo\nthree\rfour", `one\ntwo\nthree\nfour`},
		{"bell\x07gone", "bellgone"},
		{"tab\tkept", "tab\tkept"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldKeepsLinesShortAndRunesWhole(t *testing.T) {
	for _, in := range []string{
		"SUMMARY:" + strings.Repeat("x", 200),
		"DESCRIPTION:" + strings.Repeat("é", 100),
		"LOCATION:" + strings.Repeat("日本", 60),
		"SHORT:ok",
	} {
		out := Fold(in)
		if !strings.HasSuffix(out, "\r\n") {
			t.Fatalf("Fold(%q) does not end in CRLF", in)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
		var joined strings.Builder
		for i, l := range lines {
			if len(l) > 75 {
				t.Errorf("line %d has %d octets", i, len(l))
			}
			if !utf8.ValidString(l) {
				t.Errorf("line %d splits a UTF-8 sequence: %q", i, l)
			}
			if i > 0 {
				if !strings.HasPrefix(l, " ") {
					t.Errorf("continuation line %d does not start with a space", i)
				}
				l = l[1:]
			}
			joined.WriteString(l)
		}
		if joined.String() != in {
			t.Errorf("unfolding gives %q, want %q", joined.String(), in)
		}
	}
}

func TestCalendarWrite(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	cal := Calendar{
		ProdID: "-//clientgate//portal//EN",
		Name:   "Ann's appointments",
		Stamp:  time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		Events: []Event{
			{UID: "task-1@clientgate", Start: time.Date(2026, 3, 1, 10, 0, 0, 0, berlin),
				End: time.Date(2026, 3, 1, 11, 0, 0, 0, berlin), Summary: "Review; call, plan",
				Description: "line1\nline2", Location: "Room 1"},
			{UID: "task-2@clientgate", Summary: "no start, skipped"},
		},
	}
	var buf bytes.Buffer
	if err := cal.Write(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//clientgate//portal//EN\r\n",
		"X-WR-CALNAME:Ann's appointments\r\n",
		"UID:task-1@clientgate\r\nDTSTAMP:20260102T030405Z\r\nDTSTART:20260301T090000Z\r\nDTEND:20260301T100000Z\r\n",
		"SUMMARY:Review\\; call\\, plan\r\n",
		"DESCRIPTION:line1\\nline2\r\n",
		"END:VEVENT\r\nEND:VCALENDAR\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("calendar lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "task-2") {
		t.Error("an event without a start was written")
	}
	if strings.Count(out, "\n") != strings.Count(out, "\r\n") {
		t.Error("a line ends without CR")
	}
}
