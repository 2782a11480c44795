package auth

import (
	"errors"
	"net/http"
)

// refusal is a sign-in the link policy turns down, with what to tell the
// person. It is an error so it can travel up the call chain.
type refusal struct {
	outcome string
	status  int
	kind    string // the problem type's last segment
	title   string
	message string
}

func (r *refusal) Error() string { return "auth: sign-in refused: " + r.outcome }

func refuseUnverified(email string) error {
	return &refusal{OutcomeUnverifiedEmail, http.StatusForbidden, "email-not-verified", "Email address not verified",
		"Your sign-in provider has not verified the email address " + email + ", so we cannot match it to a client record. Verify it with your provider and sign in again."}
}

func refuseNoContact(email string) error {
	if email == "" {
		return &refusal{OutcomeNoContact, http.StatusForbidden, "no-portal-access", "No portal access",
			"Your sign-in provider did not share an email address, so we cannot find your client record."}
	}
	return &refusal{OutcomeNoContact, http.StatusForbidden, "no-portal-access", "No portal access",
		"There is no portal access for " + email + ". Please contact us if you think this is a mistake."}
}

func refuseAmbiguous(email string) error {
	return &refusal{OutcomeAmbiguous, http.StatusForbidden, "ambiguous-email", "Account needs attention",
		"The email address " + email + " belongs to more than one client record, so we cannot tell which is yours. We have noted this; please contact us."}
}

func refuseDisabled() error {
	return &refusal{OutcomeAccessDisabled, http.StatusForbidden, "portal-access-disabled", "Portal access is off",
		"Portal access is switched off for your account. Please contact us if you think this is a mistake."}
}

// errBackend marks a CRM or bridge failure during linking.
var errBackend = errors.New("auth: backend failure")

// asRefusal returns err's refusal, if it is one.
func asRefusal(err error) (*refusal, bool) {
	var r *refusal
	ok := errors.As(err, &r)
	return r, ok
}
