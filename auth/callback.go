package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/gin-gonic/gin"
	"golang.org/x/oauth2"

	"clientgate/connectors/bridge"
)

// callback completes the code flow: it checks the flow cookie and state,
// exchanges the code with the PKCE verifier, verifies the ID token and
// its nonce, applies the link policy and starts the session.
func (s *Service) callback(c *gin.Context) {
	rp := s.party()
	if rp == nil {
		s.login(c) // answers with the "not available" page
		return
	}
	var f flow
	ok := s.readSealed(c, s.cookies.flow, &f)
	s.clearCookie(c, s.cookies.flow)
	if !ok || time.Now().Unix() > f.Expires || !equal(c.Query("state"), f.State) {
		s.refuse(c, newRefusal(OutcomeBadFlow, http.StatusBadRequest, "", "auth.expired"), "")
		return
	}
	if e := c.Query("error"); e != "" {
		s.opts.Logger.InfoContext(c.Request.Context(), "auth: provider refused sign-in", "error", e)
		s.refuse(c, newRefusal(OutcomeProviderError, http.StatusForbidden, "", "auth.provider_error"), f.Next)
		return
	}
	id, cl, raw, err := s.exchange(c.Request.Context(), rp, c.Query("code"), f)
	if err != nil {
		s.opts.Logger.WarnContext(c.Request.Context(), "auth: sign-in failed", "err", err.Error())
		s.refuse(c, err, f.Next)
		return
	}
	ss, outcome, err := s.signInAs(c.Request.Context(), id, cl)
	if err != nil {
		s.refuse(c, err, f.Next)
		return
	}
	ss.IDToken = raw
	if err := s.startSession(c, ss); err != nil {
		s.refuse(c, err, f.Next)
		return
	}
	s.outcome(outcome)
	c.Header("Cache-Control", "no-store")
	c.Redirect(http.StatusFound, f.Next)
}

// exchange trades the code for tokens and verifies the ID token.
func (s *Service) exchange(ctx context.Context, rp *relyingParty, code string, f flow) (bridge.Identity, claims, string, error) {
	ctx = oidc.ClientContext(ctx, s.opts.HTTPClient)
	tok, err := rp.oauth.Exchange(ctx, code, oauth2.VerifierOption(f.Verifier))
	if err != nil {
		// The cause (the provider's error code, never a token) is logged only.
		return bridge.Identity{}, claims{}, "", fmt.Errorf("%w (%w)",
			newRefusal(OutcomeExchangeFailed, http.StatusBadGateway, "", "auth.exchange_failed"), err)
	}
	raw, _ := tok.Extra("id_token").(string)
	idt, err := rp.idVerifier.Verify(ctx, raw)
	if err != nil {
		return bridge.Identity{}, claims{}, "", invalidToken(fmt.Errorf("auth: id token: %w", err))
	}
	cl, err := claimsOf(idt)
	if err != nil {
		return bridge.Identity{}, claims{}, "", invalidToken(err)
	}
	if !equal(cl.Nonce, f.Nonce) {
		return bridge.Identity{}, claims{}, "", invalidToken(errors.New("auth: id token nonce does not match"))
	}
	return bridge.Identity{Issuer: idt.Issuer, Subject: idt.Subject}, cl, raw, nil
}

// invalidToken is the refusal for an ID token that does not verify; the
// cause is logged only.
func invalidToken(cause error) error {
	return fmt.Errorf("%w (%w)", newRefusal(OutcomeInvalidToken, http.StatusBadRequest, "", "auth.invalid_token"), cause)
}

// refuse reports a failed sign-in: a refusal's page, or 503 for a backend
// failure, each with a link to try again where that can help. The page
// is shown at a stable address (see showProblem), so reloading it shows
// it again instead of replaying the callback.
func (s *Service) refuse(c *gin.Context, err error, next string) {
	retry := s.loginURL(next)
	r, ok := asRefusal(err)
	if !ok {
		s.outcome(OutcomeBackendError)
		s.opts.Logger.ErrorContext(c.Request.Context(), "auth: sign-in failed", "err", err.Error())
		r = newRefusal(OutcomeBackendError, http.StatusServiceUnavailable, "", "auth.unavailable")
	} else {
		s.outcome(r.outcome)
	}
	if r.outcome == OutcomeAmbiguous || r.outcome == OutcomeAccessDisabled || r.outcome == OutcomeNoContact || r.outcome == OutcomeUnverifiedEmail {
		retry = ""
	}
	s.showProblem(c, r, retry)
}

// equal compares two secrets in constant time; empty never matches.
func equal(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
