package cache

// WebhookOutcomes lists every outcome label of
// clientgate_webhook_invalidations_total. Each series is created at zero
// when the handler is built, so that an alert's increase() sees the first
// refusal. A new refusal reason belongs in this list.
func WebhookOutcomes() []string {
	return []string{"ok", "disabled", "method_not_allowed", "too_large", "bad_request",
		"unauthorized", "expired", "rate_limited", "replayed", "source_blocked"}
}
