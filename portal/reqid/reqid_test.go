package reqid_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"clientgate/portal/reqid"
)

func TestHandlerAddsTheRequestIDFromTheContext(t *testing.T) {
	ctx := reqid.With(context.Background(), "req-12345678")
	for _, tc := range []struct {
		name string
		log  func(*slog.Logger)
		want string // "" = no request_id
	}{
		{"with context", func(l *slog.Logger) { l.InfoContext(ctx, "m", "a", 1) }, "req-12345678"},
		{"no id in context", func(l *slog.Logger) { l.InfoContext(context.Background(), "m") }, ""},
		{"without context", func(l *slog.Logger) { l.Info("m") }, ""},
		{"explicit wins, no duplicate", func(l *slog.Logger) { l.InfoContext(ctx, "m", reqid.Key, "explicit-1") }, "explicit-1"},
		{"with attrs", func(l *slog.Logger) { l.With("component", "x").WarnContext(ctx, "m") }, "req-12345678"},
		{"with explicit attrs", func(l *slog.Logger) { l.With(reqid.Key, "fixed-123").WarnContext(ctx, "m") }, "fixed-123"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			tc.log(slog.New(reqid.Handler(slog.NewJSONHandler(&buf, nil))))
			line := buf.String()
			if n := strings.Count(line, `"`+reqid.Key+`"`); n > 1 {
				t.Fatalf("request_id appears %d times: %s", n, line)
			}
			var m map[string]any
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatal(err)
			}
			got, _ := m[reqid.Key].(string)
			if got != tc.want {
				t.Errorf("request_id = %q, want %q in %s", got, tc.want, line)
			}
		})
	}
}

func TestHandlerRespectsTheLevel(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(reqid.Handler(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn})))
	log.InfoContext(reqid.With(context.Background(), "abcdefgh"), "dropped")
	if buf.Len() != 0 {
		t.Errorf("an info line passed a warn handler: %s", buf.String())
	}
}

func TestFromWithoutID(t *testing.T) {
	if got := reqid.From(context.Background()); got != "" {
		t.Errorf("From = %q", got)
	}
}
