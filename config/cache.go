package config

func (c CacheConfig) validate(p *Problems) {
	if !c.Enabled {
		return
	}
	checkPositive(p, "cache.ttl.contact", c.TTL.Contact)
	checkPositive(p, "cache.ttl.items", c.TTL.Items)
	checkPositive(p, "cache.negative_ttl", c.NegativeTTL)
	checkPositive(p, "cache.stale_window", c.StaleWindow)
	checkMin(p, "cache.max_entries", c.MaxEntries, 1)
	checkMin(p, "cache.max_entries_per_contact", c.MaxEntriesPerContact, 1)
	if c.ReadBudget < 0 {
		p.add("cache.read_budget", "must not be negative (0 waits for the CRM)")
	}
}

func (r RateLimitConfig) validate(p *Problems) {
	checkPositive(p, "rate_limit.window", r.Window)
	for _, k := range []struct {
		path string
		n    int
	}{
		{"rate_limit.signin_per_address", r.SignInPerAddress}, {"rate_limit.reads_per_session", r.ReadsPerSession},
		{"rate_limit.writes_per_session", r.WritesPerSession}, {"rate_limit.reads_per_address", r.ReadsPerAddress},
		{"rate_limit.writes_per_address", r.WritesPerAddress},
	} {
		checkMin(p, k.path, k.n, 0)
	}
}

func (b BreakerConfig) validate(p *Problems) {
	checkMin(p, "breaker.failures", b.Failures, 1)
	checkPositive(p, "breaker.open_for", b.OpenFor)
}

// minWebhookSecret is the shortest accepted webhook secret, in bytes.
const minWebhookSecret = 16

func (w WebhookConfig) validate(p *Problems) {
	if w.Secret != "" && len(w.Secret) < minWebhookSecret {
		p.add("webhook.secret", "must be at least %d characters (or empty to turn the webhook off)", minWebhookSecret)
	}
	checkPositive(p, "webhook.max_age", w.MaxAge)
}
