package devoidc

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// requestTTL bounds how long an authorization request or code stays valid.
const requestTTL = 5 * time.Minute

var errNotFound = errors.New("devoidc: not found")

// accessToken is an issued access token's record.
type accessToken struct {
	subject  string
	scopes   []string
	audience []string
	issued   time.Time
	expiry   time.Time
}

// storage keeps the provider's state in memory; it implements op.Storage.
type storage struct {
	mu       sync.Mutex
	client   *client
	people   directory
	key      *signingKey
	requests map[string]*authRequest // by request ID
	codes    map[string]string       // code → request ID
	tokens   map[string]accessToken  // by token ID
	sids     map[string]string       // provider session ID → subject
	// logout sends a back-channel logout token (set by Start).
	logout func(ctx context.Context, subject, sid string) error
}

func newStorage(c *client, people directory, key *signingKey) *storage {
	return &storage{
		client: c, people: people, key: key,
		requests: map[string]*authRequest{},
		codes:    map[string]string{},
		tokens:   map[string]accessToken{},
		sids:     map[string]string{},
	}
}

// CreateAuthRequest stores a new request; PKCE with S256 is required.
func (s *storage) CreateAuthRequest(_ context.Context, r *oidc.AuthRequest, _ string) (op.AuthRequest, error) {
	if r.CodeChallenge == "" || r.CodeChallengeMethod != oidc.CodeChallengeMethodS256 {
		return nil, oidc.ErrInvalidRequest().WithDescription("PKCE with S256 is required")
	}
	a := &authRequest{
		id: randomID(16), clientID: r.ClientID, redirect: r.RedirectURI,
		scopes: r.Scopes, state: r.State, nonce: r.Nonce, mode: r.ResponseMode,
		challenge: &oidc.CodeChallenge{Challenge: r.CodeChallenge, Method: r.CodeChallengeMethod},
		created:   time.Now(), audience: s.client.audience(r.Scopes),
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireLocked()
	s.requests[a.id] = a
	return a.copy(), nil
}

// expireLocked drops requests older than requestTTL.
func (s *storage) expireLocked() {
	for id, a := range s.requests {
		if time.Since(a.created) > requestTTL {
			delete(s.requests, id)
		}
	}
	for code, id := range s.codes {
		if _, ok := s.requests[id]; !ok {
			delete(s.codes, code)
		}
	}
}

// AuthRequestByID returns a pending request.
func (s *storage) AuthRequestByID(_ context.Context, id string) (op.AuthRequest, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireLocked()
	a, ok := s.requests[id]
	if !ok {
		return nil, fmt.Errorf("devoidc: auth request: %w", errNotFound)
	}
	return a.copy(), nil
}

// AuthRequestByCode returns the request a code was issued for.
func (s *storage) AuthRequestByCode(ctx context.Context, code string) (op.AuthRequest, error) {
	s.mu.Lock()
	id, ok := s.codes[code]
	s.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("devoidc: code: %w", errNotFound)
	}
	return s.AuthRequestByID(ctx, id)
}

// SaveAuthCode ties a code to a request.
func (s *storage) SaveAuthCode(_ context.Context, id, code string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.requests[id]; !ok {
		return fmt.Errorf("devoidc: auth request: %w", errNotFound)
	}
	s.codes[code] = id
	return nil
}

// DeleteAuthRequest removes a request and its code, so a code works once.
func (s *storage) DeleteAuthRequest(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.requests, id)
	for code, rid := range s.codes {
		if rid == id {
			delete(s.codes, code)
		}
	}
	return nil
}

// complete marks a request as signed in by subject.
func (s *storage) complete(id, subject string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.requests[id]
	if !ok {
		return fmt.Errorf("devoidc: auth request: %w", errNotFound)
	}
	a.subject, a.authTime, a.done, a.sid = subject, time.Now(), true, randomID(16)
	s.sids[a.sid] = subject
	return nil
}
