package devoidc

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestCodesAndTokensExpireAndAreSwept: an authorization request (and so
// its code) older than requestTTL is gone, and expired access tokens are
// refused and swept when new ones are made.
func TestCodesAndTokensExpireAndAreSwept(t *testing.T) {
	s := newStorage(&client{id: "c"}, newDirectory(nil), nil)
	ctx := context.Background()
	s.requests["old"] = &authRequest{id: "old", created: time.Now().Add(-requestTTL - time.Second)}
	s.requests["new"] = &authRequest{id: "new", created: time.Now()}
	s.codes["code-old"], s.codes["code-new"] = "old", "new"
	if _, err := s.AuthRequestByCode(ctx, "code-old"); !errors.Is(err, errNotFound) {
		t.Errorf("an expired code was accepted: %v", err)
	}
	if _, ok := s.codes["code-old"]; ok {
		t.Error("an expired code was not swept")
	}
	if _, err := s.AuthRequestByCode(ctx, "code-new"); err != nil {
		t.Errorf("a fresh code was refused: %v", err)
	}
	s.tokens["stale"] = accessToken{subject: "x", expiry: time.Now().Add(-time.Second)}
	if _, err := s.token("stale"); !errors.Is(err, errNotFound) {
		t.Errorf("an expired token was accepted: %v", err)
	}
	s.mu.Lock()
	s.sweepTokensLocked(time.Now())
	s.mu.Unlock()
	if _, ok := s.tokens["stale"]; ok {
		t.Error("an expired token was not swept")
	}
}
