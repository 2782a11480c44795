package portal

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/portal/ics"
)

// calendarNotices are the confirmations shown on the tasks page, by ?done=.
var calendarNotices = map[string]string{
	"revoked": "feed.revoked",
}

// feedURL is the private calendar feed of a token, absolute when the
// public URL is known.
func (s *server) feedURL(token string) string {
	return s.publicURL + s.base + "/calendar/" + url.PathEscape(token) + ".ics"
}

// webcalURL is the feed address with the webcal: scheme, which opens
// calendar apps, or "" when the feed address is not absolute.
func webcalURL(feed string) string {
	for _, scheme := range []string{"https://", "http://"} {
		if rest, ok := strings.CutPrefix(feed, scheme); ok {
			return "webcal://" + rest
		}
	}
	return ""
}

// eventUID names a task globally.
func (s *server) eventUID(t connectors.Task) string {
	host := "clientgate"
	if u, err := url.Parse(s.publicURL); err == nil && u.Host != "" {
		host = u.Host
	}
	return "task-" + t.ID + "@" + host
}

// writeCalendar answers with tasks as an iCalendar file; times are UTC,
// zone is the owner's time zone.
func (s *server) writeCalendar(c *gin.Context, name, filename, zone string, tasks []connectors.Task) {
	cal := ics.Calendar{ProdID: "-//clientgate//client portal//EN", Name: name, TimeZone: zone, Stamp: s.now()}
	for _, t := range tasks {
		cal.Events = append(cal.Events, ics.Event{UID: s.eventUID(t), Start: t.Start, End: t.End,
			Summary: t.Title, Description: t.Description, Location: t.Location})
	}
	var buf bytes.Buffer
	if err := cal.Write(&buf); err != nil {
		s.fail(c, errorf("write calendar: %w", err))
		return
	}
	c.Header("Cache-Control", "private, no-store")
	if filename != "" {
		c.Header("Content-Disposition", `attachment; filename="`+filename+`"`)
	}
	c.Data(http.StatusOK, "text/calendar; charset=utf-8", buf.Bytes())
}

// safeFilename keeps letters, digits, dot, dash and underscore of s.
func safeFilename(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 128 && (r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' ||
			r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return r
		}
		return '_'
	}, s)
}
