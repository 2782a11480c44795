// Package bridge defines clientgate's own records, kept apart from the CRM:
// links from sign-in identities to contacts, link conflicts for the
// operator, per-contact portal settings and the audit log of portal
// actions. The sqlstore package implements Store on SQLite and PostgreSQL;
// auth and portal use it through this interface.
package bridge

import (
	"context"
	"time"

	"clientgate/connectors"
)

// Identity is a person as the OpenID provider names them.
type Identity struct {
	Issuer  string `json:"issuer"`
	Subject string `json:"subject"`
}

// How a link came to be.
const (
	ViaEmail       = "email"       // a verified email matched one contact
	ViaProvisioned = "provisioned" // the contact was created on first sign-in
	ViaOperator    = "operator"    // an operator added it by hand
)

// Link ties an identity to the contact it signs in as.
type Link struct {
	Identity
	ContactID string    `json:"contact_id"`
	Email     string    `json:"email"`
	Via       string    `json:"via"`
	CreatedAt time.Time `json:"created_at"`
}

// Conflict records an identity whose verified email matched several
// contacts, so it could not be linked.
type Conflict struct {
	Identity
	Email      string    `json:"email"`
	ContactIDs []string  `json:"contact_ids"`
	FirstSeen  time.Time `json:"first_seen"`
	LastSeen   time.Time `json:"last_seen"`
	Count      int       `json:"count"`
}

// ContactSettings are the operator's per-contact portal settings. The zero
// value means "as configured globally".
type ContactSettings struct {
	ContactID string `json:"contact_id"`
	// PortalDisabled turns the portal off for this contact.
	PortalDisabled bool `json:"portal_disabled"`
	// Modules overrides the global module switches: module name → on/off.
	Modules map[string]bool `json:"modules,omitempty"`
	// SeeCompanyItems lets the contact see their company's invoices and
	// quotes as well as their own, whatever the portal's default.
	SeeCompanyItems bool `json:"see_company_items"`
	// HideCompanyItems shows the contact only their own items, whatever
	// the portal's default. With neither set the default applies.
	HideCompanyItems bool `json:"hide_company_items"`
}

// ShowsCompanyItems reports whether the contact sees their company's
// items, given the portal's default.
func (s ContactSettings) ShowsCompanyItems(def bool) bool {
	return !s.HideCompanyItems && (s.SeeCompanyItems || def)
}

// AuditEntry is one recorded portal action.
type AuditEntry struct {
	ID        int64     `json:"id"`
	At        time.Time `json:"at"`
	ContactID string    `json:"contact_id"`
	// Actor names who acted, such as "issuer|subject" or "operator".
	Actor string `json:"actor"`
	// Action is a short verb such as "contact.update" or "quote.accept".
	Action string `json:"action"`
	// Target is the item acted on, such as a quote ID.
	Target  string              `json:"target"`
	IP      string              `json:"ip"`
	Changes []connectors.Change `json:"changes,omitempty"`
}

// Store keeps the bridge's records. Methods return connectors.ErrNotFound
// (wrapped) for a missing record and wrap every other failure.
type Store interface {
	PreferenceStore
	FormDraftStore
	SessionStore
	FileStore
	AttachmentStore
	StaffDirectory
	EmailPreferenceStore

	// LinkFor returns the stored link of an identity, or ErrNotFound.
	LinkFor(ctx context.Context, id Identity) (Link, error)
	// SaveLink stores a link, replacing any link of the same identity.
	SaveLink(ctx context.Context, l Link) error
	// DeleteLink removes an identity's link; ErrNotFound when there is none.
	DeleteLink(ctx context.Context, id Identity) error
	// Links lists every link, oldest first.
	Links(ctx context.Context) ([]Link, error)

	// RecordConflict adds a sighting of an ambiguous email, merging with
	// an earlier one of the same identity (count and last seen).
	RecordConflict(ctx context.Context, c Conflict) error
	// Conflicts lists the recorded conflicts, most recent first.
	Conflicts(ctx context.Context) ([]Conflict, error)

	// ContactSettings returns a contact's settings; the zero value (with
	// ContactID set) when none are stored.
	ContactSettings(ctx context.Context, contactID string) (ContactSettings, error)
	// SaveContactSettings stores a contact's settings.
	SaveContactSettings(ctx context.Context, s ContactSettings) error

	// CalendarToken returns the contact's private calendar feed token,
	// creating a random one when there is none.
	CalendarToken(ctx context.Context, contactID string) (string, error)
	// RevokeCalendarToken deletes the contact's token, so the old feed URL
	// stops working; the next CalendarToken call makes a new one.
	RevokeCalendarToken(ctx context.Context, contactID string) error
	// ContactByCalendarToken returns the contact a token belongs to, or
	// ErrNotFound.
	ContactByCalendarToken(ctx context.Context, token string) (string, error)

	// Record appends an entry to the audit log. When the entry's At is zero
	// the store sets it to now.
	Record(ctx context.Context, e AuditEntry) error
	// AuditLog lists a contact's entries, newest first, at most limit.
	AuditLog(ctx context.Context, contactID string, limit int) ([]AuditEntry, error)

	PaymentLedger
	PaymentWriteBacks
}
