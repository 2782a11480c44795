package bridge

import "context"

// EmailPreferences are what a contact chose about the emails the portal
// sends them. The zero value (with ContactID set) means emails are on.
type EmailPreferences struct {
	ContactID string `json:"contact_id"`
	// OptOut stops every email to the contact about their portal
	// (replies, status changes, invitations); it is the contact's own
	// choice, on the details page, through PATCH /api/v1/me or an
	// email's unsubscribe link.
	OptOut bool `json:"opt_out"`
}

// EmailPreferenceStore keeps contacts' email preferences and the
// unguessable tokens of their unsubscribe links (one per contact, kept
// until the contact's preferences are deleted).
type EmailPreferenceStore interface {
	// EmailPreferences returns a contact's email preferences; the zero
	// value (with ContactID set) when none are stored.
	EmailPreferences(ctx context.Context, contactID string) (EmailPreferences, error)
	// SetEmailOptOut stores the contact's choice. ErrInvalid (wrapped)
	// without a contact ID.
	SetEmailOptOut(ctx context.Context, contactID string, optOut bool) error
	// UnsubscribeToken returns the token of the contact's unsubscribe
	// link, creating a random one when there is none.
	UnsubscribeToken(ctx context.Context, contactID string) (string, error)
	// ContactByUnsubscribeToken returns the contact a token belongs to,
	// or ErrNotFound (also for a malformed token).
	ContactByUnsubscribeToken(ctx context.Context, token string) (string, error)
}
