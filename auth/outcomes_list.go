package auth

// SignInOutcomes lists every sign-in outcome (the Outcome* constants), so
// that a metric can create each series at zero before the first sign-in.
// A new outcome belongs in this list; a test keeps the two equal.
func SignInOutcomes() []string {
	return []string{OutcomeSuccess, OutcomeProvisioned, OutcomeStaff, OutcomeProviderDown, OutcomeProviderError,
		OutcomeBadFlow, OutcomeExchangeFailed, OutcomeInvalidToken, OutcomeUnverifiedEmail,
		OutcomeNoContact, OutcomeAmbiguous, OutcomeAccessDisabled, OutcomeBackendError}
}
