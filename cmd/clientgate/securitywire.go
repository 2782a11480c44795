package main

import (
	"crypto/hkdf"
	"crypto/sha256"
	"fmt"

	"clientgate/auth"
	"clientgate/config"
	"clientgate/portal"
)

// cursorKeyInfo names what the keys derived from the session keys seal.
const cursorKeyInfo = "clientgate paging cursor v1"

// cursorKeys derives the portal's cursor keys from auth.session_keys
// (HKDF-SHA256), in the same order, so that rotating the session keys
// rotates them and every replica derives the same.
func cursorKeys(a config.AuthConfig) ([][]byte, error) {
	keys, err := a.DecodeSessionKeys()
	if err != nil {
		return nil, fmt.Errorf("auth.session_keys: %w", err)
	}
	out := make([][]byte, 0, len(keys))
	for _, k := range keys {
		d, err := hkdf.Key(sha256.New, k, nil, cursorKeyInfo, 32)
		if err != nil {
			return nil, fmt.Errorf("cursor key: %w", err)
		}
		out = append(out, d)
	}
	return out, nil
}

// rateLimits copies the rate_limit section into portal.RateLimits.
func rateLimits(r config.RateLimitConfig) portal.RateLimits {
	return portal.RateLimits{
		Window: r.Window, SignInPerAddress: r.SignInPerAddress,
		ReadsPerSession: r.ReadsPerSession, WritesPerSession: r.WritesPerSession,
		ReadsPerAddress: r.ReadsPerAddress, WritesPerAddress: r.WritesPerAddress,
	}
}

// sessionBroadcaster is the replica bus as auth's broadcaster, or nil
// (a nil interface, not a nil *pgbus.Bus) on a single SQLite replica.
func sessionBroadcaster(st *stack) auth.SessionBroadcaster {
	if st.bus == nil {
		return nil
	}
	return st.bus
}
