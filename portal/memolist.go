package portal

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/cespare/xxhash/v2"
	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// respondList answers an API list made only from connector reads: when
// every read of the request was a fresh cache hit, the encoded answer is
// kept with the version of those entries (bodyMemo), and a later request
// that reads the same entries gets the same bytes without converting and
// encoding again. Every answer carries an ETag of its bytes and a request
// whose If-None-Match names it gets 304 Not Modified.
//
// Only lists whose whole body comes from the connector's (cached) reads
// and the viewer's formatter may use it: data from elsewhere (the bridge
// store, conversations, files) has no version.
func respondList[S, T any](s *server, c *gin.Context, page connectors.Page[S], conv func(S) T) {
	version, versioned := connectors.ReportFrom(c.Request.Context()).Version()
	key := listMemoKey(c, viewerOf(c))
	if versioned {
		if b, ok := s.bodies.get(key, version); ok {
			writeTagged(c, b)
			return
		}
	}
	body, err := encodeJSON(toList(page, conv))
	if err != nil {
		s.fail(c, errorf("encode list: %w", err))
		return
	}
	b := &memoBody{version: version, body: body, etag: etagOf(body)}
	if versioned {
		s.bodies.put(key, b)
	}
	s.respondStale(c)
	writeTagged(c, b)
}

// listMemoKey names what an API list's body depends on besides the data:
// the contact and scope, the formatter (language, locale, zone) and the
// request's path and query.
func listMemoKey(c *gin.Context, vw *viewer) string {
	company := "0"
	if vw.scope.WithCompany {
		company = "1"
	}
	return strings.Join([]string{vw.scope.ContactID, company, vw.fmt.key(), c.Request.URL.Path, c.Request.URL.RawQuery}, "\x00")
}

// encodeJSON encodes v as every API answer is encoded (json.Encoder, with
// its trailing newline).
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// etagOf is a strong entity tag of body: a 64-bit hash of its bytes.
func etagOf(body []byte) string {
	return `"` + strconv.FormatUint(xxhash.Sum64(body), 36) + `"`
}

// writeTagged writes b with its ETag, or 304 Not Modified when the
// request's If-None-Match names it. Clients may keep the answer but must
// revalidate it (private, no-cache).
func writeTagged(c *gin.Context, b *memoBody) {
	c.Header("ETag", b.etag)
	c.Header("Cache-Control", "private, no-cache")
	if etagMatches(c.GetHeader("If-None-Match"), b.etag) {
		c.Status(http.StatusNotModified)
		return
	}
	c.Data(http.StatusOK, "application/json; charset=utf-8", b.body)
}

// etagMatches reports whether an If-None-Match header names etag (weak
// comparison, as RFC 9110 asks for If-None-Match) or is "*".
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}
