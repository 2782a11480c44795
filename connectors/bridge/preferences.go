package bridge

import "context"

// Preferences are a contact's own portal preferences, kept by clientgate
// (never written to the CRM). Empty fields mean "not chosen".
type Preferences struct {
	ContactID string `json:"contact_id"`
	// Language is an offered language code such as "de".
	Language string `json:"language"`
	// TimeZone is an IANA time zone such as "Pacific/Auckland".
	TimeZone string `json:"timezone"`
}

// PreferenceStore keeps contacts' preferences.
type PreferenceStore interface {
	// Preferences returns a contact's preferences; the zero value (with
	// ContactID set) when none are stored.
	Preferences(ctx context.Context, contactID string) (Preferences, error)
	// SavePreferences stores a contact's preferences, replacing earlier
	// ones. ErrInvalid (wrapped) without a contact ID.
	SavePreferences(ctx context.Context, p Preferences) error
}
