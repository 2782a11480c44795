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
		s.refuse(c, &refusal{OutcomeBadFlow, http.StatusBadRequest, "", "Sign-in expired",
			"This sign-in link has expired or was started in another browser window. Please sign in again."}, "")
		return
	}
	if e := c.Query("error"); e != "" {
		s.opts.Logger.InfoContext(c.Request.Context(), "auth: provider refused sign-in", "error", e)
		s.refuse(c, &refusal{OutcomeProviderError, http.StatusForbidden, "", "Sign-in was not completed",
			"The sign-in service did not complete your sign-in (it was cancelled or refused)."}, f.Next)
		return
	}
	id, cl, raw, err := s.exchange(c.Request.Context(), rp, c.Query("code"), f)
	if err != nil {
		s.opts.Logger.WarnContext(c.Request.Context(), "auth: sign-in failed", "err", err.Error())
		s.refuse(c, err, f.Next)
		return
	}
	contactID, outcome, _, err := s.resolve(c.Request.Context(), id, cl)
	if err != nil {
		s.refuse(c, err, f.Next)
		return
	}
	now := time.Now().Unix()
	ss := session{Issuer: id.Issuer, Subject: id.Subject, ContactID: contactID, Email: cl.Email,
		Name: cl.Name, CSRF: randomToken(), IDToken: raw, Created: now, LastSeen: now}
	if err := s.writeSession(c, ss); err != nil {
		s.fail(c, err)
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
		return bridge.Identity{}, claims{}, "", fmt.Errorf("%w (%w)", &refusal{OutcomeExchangeFailed, http.StatusBadGateway, "", "Sign-in failed",
			"We could not complete your sign-in with the sign-in service. Please try again."}, err)
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
	return fmt.Errorf("%w (%w)", &refusal{OutcomeInvalidToken, http.StatusBadRequest, "", "Sign-in failed",
		"The sign-in service's answer could not be verified. Please try again."}, cause)
}

// refuse reports a failed sign-in: a refusal's page, or 503 for a backend
// failure, each with a link to try again.
func (s *Service) refuse(c *gin.Context, err error, next string) {
	retry := s.loginURL(next)
	r, ok := asRefusal(err)
	if !ok {
		s.outcome(OutcomeBackendError)
		s.opts.Logger.ErrorContext(c.Request.Context(), "auth: sign-in failed", "err", err.Error())
		s.page(c, http.StatusServiceUnavailable, pageData{Title: "Sign-in is not available right now",
			Message: "We could not reach our records to finish your sign-in. Please try again in a minute.", Retry: retry})
		return
	}
	s.outcome(r.outcome)
	if r.outcome == OutcomeAmbiguous || r.outcome == OutcomeAccessDisabled || r.outcome == OutcomeNoContact || r.outcome == OutcomeUnverifiedEmail {
		retry = ""
	}
	s.page(c, r.status, pageData{Title: r.title, Message: r.message, Retry: retry})
}

// equal compares two secrets in constant time; empty never matches.
func equal(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
