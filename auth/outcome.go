package auth

// Sign-in outcomes passed to Options.OnSignIn, one per browser sign-in
// attempt that reaches the callback or is refused at login.
const (
	OutcomeSuccess         = "success"          // signed in through a stored or new email link
	OutcomeProvisioned     = "provisioned"      // signed in with a contact created just now
	OutcomeStaff           = "staff"            // signed in as staff (staff.claim), with or without a contact
	OutcomeProviderDown    = "provider_down"    // discovery has not succeeded yet
	OutcomeProviderError   = "provider_error"   // the provider answered with an error, such as access_denied
	OutcomeBadFlow         = "bad_flow"         // missing, expired or mismatched flow cookie or state
	OutcomeExchangeFailed  = "exchange_failed"  // the code could not be exchanged for tokens
	OutcomeInvalidToken    = "invalid_token"    // the ID token or its nonce did not verify
	OutcomeUnverifiedEmail = "unverified_email" // no link, and the email is not verified
	OutcomeNoContact       = "no_contact"       // no link and no contact with this email
	OutcomeAmbiguous       = "ambiguous"        // the email matched several contacts (a link conflict)
	OutcomeAccessDisabled  = "access_disabled"  // the contact's portal access is off
	OutcomeBackendError    = "backend_error"    // the CRM or bridge store failed
)

// outcome reports a sign-in outcome to the OnSignIn hook.
func (s *Service) outcome(o string) {
	if s.opts.OnSignIn != nil {
		s.opts.OnSignIn(o)
	}
}
