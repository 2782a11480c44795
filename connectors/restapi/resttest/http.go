package resttest

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"
)

// maxBody bounds request bodies the servers read.
const maxBody = 1 << 20

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// readBody reads a request body, bounded.
func readBody(r *http.Request) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r.Body, maxBody))
}

// intParam reads a non-negative integer query parameter, or def.
func intParam(r *http.Request, name string, def int) (int, bool) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, true
	}
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= 0
}

// pageSize reads a page size parameter: default 10, at most 100.
func pageSize(r *http.Request, name string) (int, bool) {
	n, ok := intParam(r, name, 10)
	return min(n, 100), ok && n > 0
}

// rfc3339 formats t, or returns nil for the zero time.
func rfc3339(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

// unix formats t as a string of seconds, "0" for the zero time.
func unix(t time.Time) string {
	if t.IsZero() {
		return "0"
	}
	return strconv.FormatInt(t.Unix(), 10)
}

// nilIfEmpty returns nil for "".
func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nowUTC() time.Time { return time.Now().UTC() }
