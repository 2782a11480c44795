// Package ics writes iCalendar (RFC 5545) calendars of events: CRLF line
// ends, TEXT escaping, line folding at 75 octets and UTC date-times.
package ics

import (
	"bufio"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxLine is the most octets of a content line, without its CRLF.
const maxLine = 75

// utcLayout is the form of a UTC DATE-TIME value.
const utcLayout = "20060102T150405Z"

// Event is one VEVENT.
type Event struct {
	// UID identifies the event globally, such as "task-42@example.com".
	UID         string
	Start       time.Time
	End         time.Time // zero for none
	Summary     string
	Description string
	Location    string
}

// Calendar is one VCALENDAR.
type Calendar struct {
	// ProdID names the product that wrote the calendar.
	ProdID string
	// Name is shown by calendar apps for a subscribed feed; may be empty.
	Name string
	// TimeZone is the IANA zone the calendar's owner lives in, written as
	// X-WR-TIMEZONE so that apps show the feed in it; may be empty. The
	// events' times are UTC ("Z") whatever it says, so they are exact in
	// every app.
	TimeZone string
	// Stamp is the DTSTAMP of every event: when the calendar was written.
	Stamp  time.Time
	Events []Event
}

// Write writes the calendar to w. Events without a start are skipped.
func (c Calendar) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	lw := lineWriter{w: bw}
	lw.line("BEGIN:VCALENDAR")
	lw.line("VERSION:2.0")
	lw.line("PRODID:" + Escape(c.ProdID))
	lw.line("CALSCALE:GREGORIAN")
	lw.line("METHOD:PUBLISH")
	if c.Name != "" {
		lw.line("X-WR-CALNAME:" + Escape(c.Name))
	}
	if c.TimeZone != "" {
		lw.line("X-WR-TIMEZONE:" + Escape(c.TimeZone))
	}
	for _, e := range c.Events {
		if !e.Start.IsZero() {
			lw.event(e, c.Stamp)
		}
	}
	lw.line("END:VCALENDAR")
	if lw.err != nil {
		return lw.err
	}
	return bw.Flush()
}

// lineWriter writes folded content lines and keeps the first error.
type lineWriter struct {
	w   *bufio.Writer
	err error
}

func (lw *lineWriter) event(e Event, stamp time.Time) {
	lw.line("BEGIN:VEVENT")
	lw.line("UID:" + Escape(e.UID))
	lw.line("DTSTAMP:" + stamp.UTC().Format(utcLayout))
	lw.line("DTSTART:" + e.Start.UTC().Format(utcLayout))
	if e.End.After(e.Start) {
		lw.line("DTEND:" + e.End.UTC().Format(utcLayout))
	}
	lw.line("SUMMARY:" + Escape(e.Summary))
	if e.Description != "" {
		lw.line("DESCRIPTION:" + Escape(e.Description))
	}
	if e.Location != "" {
		lw.line("LOCATION:" + Escape(e.Location))
	}
	lw.line("END:VEVENT")
}

func (lw *lineWriter) line(s string) {
	if lw.err == nil {
		_, lw.err = lw.w.WriteString(Fold(s))
	}
}

// Escape makes s a TEXT value: backslash, semicolon and comma escaped,
// line breaks written as \n, other control characters dropped and invalid
// UTF-8 replaced.
func Escape(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Fold splits a content line into lines of at most 75 octets, never inside
// a UTF-8 sequence, each continuation starting with a space, and ends
// every line with CRLF.
func Fold(line string) string {
	var b strings.Builder
	limit := maxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLine - 1
	}
	b.WriteString(line)
	b.WriteString("\r\n")
	return b.String()
}
