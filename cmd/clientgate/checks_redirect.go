package main

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strings"

	"clientgate/config"
)

// callbackPath is where the portal serves the sign-in callback, below
// public_url's path (never below portal.base_path).
const callbackPath = "/auth/callback"

// redirectCheck checks auth.redirect_url against public_url and
// listen.addr: the provider sends the browser back there, so it must be
// this portal's callback, on the origin its cookies belong to.
func redirectCheck(cfg *config.Config) check {
	return check{name: "redirect url", run: func(context.Context) (string, error) {
		if cfg.Auth.RedirectURL == "" {
			return "", skipped("auth.redirect_url is not set")
		}
		return checkRedirect(cfg.Auth.RedirectURL, cfg.PublicURL, cfg.Listen.Addr, cfg.Portal.BasePath)
	}}
}

// checkRedirect returns what it found, or why the redirect URL cannot work.
func checkRedirect(redirect, public, listen, base string) (string, error) {
	r, err := url.Parse(redirect)
	if err != nil {
		return "", fmt.Errorf("auth.redirect_url: %w", err)
	}
	p, err := url.Parse(public)
	if err != nil {
		return "", fmt.Errorf("public_url: %w", err)
	}
	want := strings.TrimSuffix(p.Path, "/") + callbackPath
	switch {
	case r.Scheme != p.Scheme || r.Host != p.Host:
		return "", fmt.Errorf("auth.redirect_url %s is not on public_url's origin %s://%s: the sign-in cookies would not come back with the callback",
			redirect, p.Scheme, p.Host)
	case r.Path != want && r.Path == strings.TrimSuffix(base, "/")+callbackPath:
		return "", fmt.Errorf("auth.redirect_url path is %s, but the callback is served at %s, not below portal.base_path", r.Path, want)
	case r.Path != want:
		return "", fmt.Errorf("auth.redirect_url path is %s, want %s", r.Path, want)
	}
	lhost, lport, err := net.SplitHostPort(listen)
	if err != nil {
		return "", fmt.Errorf("listen.addr: %w", err)
	}
	if isLoopback(r.Hostname()) {
		if port := r.Port(); port != lport && lport != "0" {
			return "", fmt.Errorf("auth.redirect_url goes to loopback port %s, but listen.addr listens on port %s", port, lport)
		}
		return "callback " + want + " on " + r.Host + ", served directly by listen.addr", nil
	}
	note := ""
	if isLoopback(lhost) {
		note = "; listen.addr " + listen + " is loopback only, so a reverse proxy on this host must forward " + r.Host + " to it"
	}
	return "callback " + want + " on " + r.Host + note, nil
}

// isLoopback reports whether host is localhost or a loopback IP.
func isLoopback(host string) bool {
	ip := net.ParseIP(host)
	return host == "localhost" || (ip != nil && ip.IsLoopback())
}
