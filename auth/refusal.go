package auth

import (
	"errors"
	"net/http"
)

// refusal is a sign-in the link policy turns down, with what to tell the
// person. It is an error so it can travel up the call chain. title,
// message and next are message IDs (package portal/i18n) filled from
// args.
type refusal struct {
	outcome string
	status  int
	kind    string // the problem type's last segment
	title   string
	message string
	next    string
	args    []any
}

func (r *refusal) Error() string { return "auth: sign-in refused: " + r.outcome }

// newRefusal builds a refusal whose messages are key+".title" and
// key+".detail".
func newRefusal(outcome string, status int, kind, key string, args ...any) *refusal {
	return &refusal{outcome: outcome, status: status, kind: kind, title: key + ".title",
		message: key + ".detail", args: args}
}

// page is the page that tells the person about r.
func (r *refusal) page(retry string) Page {
	return Page{Status: r.status, Title: r.title, Message: r.message, Next: r.next, Args: r.args, Retry: retry}
}

func refuseUnverified(email string) error {
	return newRefusal(OutcomeUnverifiedEmail, http.StatusForbidden, "email-not-verified", "auth.unverified", "Email", email)
}

func refuseNoContact(email string) error {
	if email == "" {
		return newRefusal(OutcomeNoContact, http.StatusForbidden, "no-portal-access", "auth.no_email")
	}
	r := newRefusal(OutcomeNoContact, http.StatusForbidden, "no-portal-access", "auth.no_contact", "Email", email)
	r.next = "auth.no_contact.next"
	return r
}

func refuseAmbiguous(email string) error {
	return newRefusal(OutcomeAmbiguous, http.StatusForbidden, "ambiguous-email", "auth.ambiguous", "Email", email)
}

func refuseDisabled() error {
	return newRefusal(OutcomeAccessDisabled, http.StatusForbidden, "portal-access-disabled", "auth.disabled")
}

// errBackend marks a CRM or bridge failure during linking.
var errBackend = errors.New("auth: backend failure")

// asRefusal returns err's refusal, if it is one.
func asRefusal(err error) (*refusal, bool) {
	var r *refusal
	ok := errors.As(err, &r)
	return r, ok
}
