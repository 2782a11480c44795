package portal

import (
	"net/http"
	"strings"
	"testing"
)

func TestFaviconIsServed(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/favicon.ico"})
	wantStatus(t, w, http.StatusMovedPermanently)
	if loc := w.Header().Get("Location"); loc != "/clients/static/favicon.svg" {
		t.Fatalf("Location = %q", loc)
	}
	w = e.do(req{path: "/clients/static/favicon.svg"})
	wantStatus(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "image/svg+xml") {
		t.Errorf("Content-Type = %q", ct)
	}
}
