package auth

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"clientgate/connectors/bridge"
	"clientgate/portal/i18n"
)

// errNotReady means provider discovery has not succeeded yet.
var errNotReady = errors.New("auth: openid provider discovery has not succeeded yet")

// Service signs people in and guards the portal's routes.
type Service struct {
	opts    Options
	sealer  *sealer
	msgs    *i18n.Catalog // messages of the service's own pages
	cookies cookieNames
	secure  bool

	// checked remembers recent link and settings checks (nil: none);
	// sessions remembers session records by ID (nil: none).
	checked  *memo[checkKey, bridge.ContactSettings]
	sessions *memo[string, bridge.Session]
	// introspected remembers active introspection answers by token hash.
	introspected *memo[[32]byte, introspected]

	// endOrigin remembers the end-session origin of the latest target.
	endOrigin atomic.Pointer[endSessionOrigin]

	mu      sync.RWMutex
	rp      *relyingParty // nil until discovery succeeds
	lastErr error         // the latest discovery failure
}

// endSessionOrigin is the origin of an end-session target.
type endSessionOrigin struct{ target, origin string }

// relyingParty is what discovery yields.
type relyingParty struct {
	oauth      oauth2.Config
	idVerifier *oidc.IDTokenVerifier
	bearer     *oidc.IDTokenVerifier
	// logoutVerifier checks logout tokens: signature, iss and aud; the
	// claims that make one a logout token are checked by hand (it may
	// have no exp).
	logoutVerifier *oidc.IDTokenVerifier
	endSession     string
	// introspect is the RFC 7662 endpoint ("" when the provider has none).
	introspect string
}

// New checks opts and starts discovery of the provider. It does not fail
// when the provider is down: discovery is retried in the background with
// backoff until it succeeds or ctx ends, and Ready reports progress.
func New(ctx context.Context, opts Options) (*Service, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	sl, err := newSealer(opts.SessionKeys)
	if err != nil {
		return nil, err
	}
	msgs, err := i18n.New(nil, "")
	if err != nil {
		return nil, err
	}
	secure := !insecureLoopback(opts.PublicURL) && !opts.InsecureCookies
	s := &Service{opts: opts, sealer: sl, msgs: msgs, secure: secure, cookies: newCookieNames(secure),
		introspected: newMemo[[32]byte, introspected](introspectionTTL, time.Now)}
	if opts.SessionCacheTTL > 0 {
		s.sessions = newMemo[string, bridge.Session](opts.SessionCacheTTL, time.Now)
	}
	if opts.RecheckInterval > 0 {
		s.checked = newMemo[checkKey, bridge.ContactSettings](opts.RecheckInterval, time.Now)
	}
	if opts.APIAudience == "" {
		opts.Logger.InfoContext(ctx, "auth: bearer access to the API is off: no API audience is configured (auth.api_audience)")
	} else {
		opts.Logger.InfoContext(ctx, "auth: bearer access to the API is on", "api_audience", opts.APIAudience,
			"api_clients", opts.APIClients, "introspection", opts.Introspection)
	}
	go s.discoverLoop(ctx)
	go s.sweepLoop(ctx)
	return s, nil
}

// Ready returns nil once provider discovery has succeeded, else an error
// naming the latest failure.
func (s *Service) Ready(context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	switch {
	case s.rp != nil:
		return nil
	case s.lastErr != nil:
		return fmt.Errorf("%w: %w", errNotReady, s.lastErr)
	}
	return errNotReady
}

func (s *Service) party() *relyingParty {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.rp
}

// discoverLoop retries discovery with exponential backoff until it works.
func (s *Service) discoverLoop(ctx context.Context) {
	wait := 250 * time.Millisecond
	for {
		err := s.discover(ctx)
		if err == nil {
			return
		}
		s.mu.Lock()
		s.lastErr = err
		s.mu.Unlock()
		s.opts.Logger.WarnContext(ctx, "auth: openid provider discovery failed; retrying", "issuer", s.opts.Issuer, "retry_in", wait.String(), "err", err.Error())
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		wait = min(wait*2, 30*time.Second)
	}
}

// discover fetches the provider's metadata and builds the relying party.
func (s *Service) discover(ctx context.Context) error {
	cctx := oidc.ClientContext(context.WithoutCancel(ctx), s.opts.HTTPClient)
	dctx, cancel := context.WithTimeout(cctx, 30*time.Second)
	defer cancel()
	p, err := oidc.NewProvider(dctx, s.opts.Issuer)
	if err != nil {
		return fmt.Errorf("auth: discovery: %w", err)
	}
	var meta struct {
		EndSession    string `json:"end_session_endpoint"`
		Introspection string `json:"introspection_endpoint"`
	}
	if err := p.Claims(&meta); err != nil {
		return fmt.Errorf("auth: discovery metadata: %w", err)
	}
	// Verifiers fetch keys with cctx, which keeps the HTTP client but never
	// ends, so they outlive the discovery timeout.
	rp := &relyingParty{
		oauth: oauth2.Config{
			ClientID: s.opts.ClientID, ClientSecret: s.opts.ClientSecret,
			Endpoint: p.Endpoint(), RedirectURL: s.opts.RedirectURL, Scopes: s.opts.Scopes,
		},
		idVerifier:     p.VerifierContext(cctx, s.verifierConfig(s.opts.ClientID)),
		bearer:         s.bearerVerifier(cctx, p),
		logoutVerifier: p.VerifierContext(cctx, &oidc.Config{ClientID: s.opts.ClientID, SkipExpiryCheck: true}),
		endSession:     meta.EndSession,
		introspect:     meta.Introspection,
	}
	s.mu.Lock()
	s.rp = rp
	s.mu.Unlock()
	s.opts.Logger.Info("auth: openid provider discovered", "issuer", s.opts.Issuer)
	return nil
}

// verifierConfig checks audience, expiry with the clock skew, and the
// provider's advertised algorithms (never "none").
func (s *Service) verifierConfig(audience string) *oidc.Config {
	skew := s.opts.ClockSkew
	return &oidc.Config{ClientID: audience, Now: func() time.Time { return time.Now().Add(-skew) }}
}
