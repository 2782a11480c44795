// Package reqid carries a request's ID through its context and adds it to
// every log line written with that context: wrap the process's slog
// handler with Handler, put the ID in the request's context with With, and
// log with the *Context methods (InfoContext, ErrorContext, ...). Code that
// logs needs no access to the request, only to its context, so auth and
// the connectors' transports get the ID without knowing about it.
package reqid

import (
	"context"
	"log/slog"
)

// Key is the log attribute that holds the request ID.
const Key = "request_id"

type ctxKey struct{}

// With returns ctx carrying the request ID id.
func With(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, ctxKey{}, id)
}

// From returns the request ID carried by ctx, or "".
func From(ctx context.Context) string {
	if ctx == nil {
		return ""
	}
	id, _ := ctx.Value(ctxKey{}).(string)
	return id
}

// Handler returns a slog.Handler that adds request_id from the record's
// context to every record that does not already hold one, then hands it to
// next.
func Handler(next slog.Handler) slog.Handler { return handler{next: next} }

type handler struct {
	next slog.Handler
	// has marks a handler whose WithAttrs already added request_id.
	has bool
}

// Enabled reports whether next handles records at level.
func (h handler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

// Handle adds the request ID, when the context has one, and passes r on.
func (h handler) Handle(ctx context.Context, r slog.Record) error {
	if id := From(ctx); id != "" && !h.has && !hasKey(r) {
		r = r.Clone()
		r.AddAttrs(slog.String(Key, id))
	}
	return h.next.Handle(ctx, r)
}

// WithAttrs wraps next's WithAttrs, noting an explicit request_id.
func (h handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	has := h.has
	for _, a := range attrs {
		has = has || a.Key == Key
	}
	return handler{next: h.next.WithAttrs(attrs), has: has}
}

// WithGroup wraps next's WithGroup. Inside a group the ID would be nested,
// so it is still added (under the group) only when missing.
func (h handler) WithGroup(name string) slog.Handler {
	return handler{next: h.next.WithGroup(name), has: h.has}
}

// hasKey reports whether r already carries a request_id attribute.
func hasKey(r slog.Record) bool {
	found := false
	r.Attrs(func(a slog.Attr) bool {
		found = a.Key == Key
		return !found
	})
	return found
}
