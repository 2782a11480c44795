package files

import (
	"time"

	"clientgate/connectors"
)

// OwnerKind says what a file belongs to.
type OwnerKind string

// The owner kinds.
const (
	// OwnerContact: the file is in one contact's library.
	OwnerContact OwnerKind = "contact"
	// OwnerCompany: the file is in a company's library, seen by every
	// contact of the company who may see company items.
	OwnerCompany OwnerKind = "company"
	// OwnerPost: the file is attached to a conversation post (a ticket's
	// or an item thread's). Such files never show in a library; who may
	// read them follows the thread (added with attachments).
	OwnerPost OwnerKind = "post"
)

// Valid reports whether k is one of the owner kinds.
func (k OwnerKind) Valid() bool {
	return k == OwnerContact || k == OwnerCompany || k == OwnerPost
}

// Owner is what a file belongs to: a contact or a company by the
// connector's ID, or a post by the conversation store's ID.
type Owner struct {
	Kind OwnerKind `json:"kind"`
	ID   string    `json:"id"`
}

// Valid reports whether o names something: a known kind and an ID of
// plain text (no control characters), at most MaxIDLength long.
func (o Owner) Valid() bool { return o.Kind.Valid() && validID(o.ID) }

// ContactOwner is the library of a contact.
func ContactOwner(id string) Owner { return Owner{Kind: OwnerContact, ID: id} }

// CompanyOwner is the library of a company.
func CompanyOwner(id string) Owner { return Owner{Kind: OwnerCompany, ID: id} }

// UploaderKind says who put a file in.
type UploaderKind string

// The uploader kinds.
const (
	// ByContact: a client, from the portal (counts against their quota).
	ByContact UploaderKind = "contact"
	// ByStaff: a staff member, from the staff inbox.
	ByStaff UploaderKind = "staff"
	// ByOperator: the operator, with "clientgate files add".
	ByOperator UploaderKind = "operator"
)

// Valid reports whether k is one of the uploader kinds.
func (k UploaderKind) Valid() bool { return k == ByContact || k == ByStaff || k == ByOperator }

// Uploader is who put a file in. ID is the contact's ID for a client,
// the staff member's ID (issuer|subject) for staff, and may be empty for
// the operator.
type Uploader struct {
	Kind UploaderKind `json:"kind"`
	ID   string       `json:"id"`
	Name string       `json:"name"`
}

// State is where a file's record stands.
type State string

// The states of a record.
const (
	// StatePending: the record exists, its content is being written (or
	// the write failed and the record waits for the sweep). Nothing lists
	// or returns a pending file to clients.
	StatePending State = "pending"
	// StateReady: the content is stored in full; the file is visible.
	StateReady State = "ready"
	// StateDeleting: the file was removed; its content and then its
	// record are being deleted (by the remover, else the sweep).
	StateDeleting State = "deleting"
)

// File is a file's record.
type File struct {
	ID    string `json:"id"`
	Owner Owner  `json:"owner"`
	// Name is the cleaned file name (see CleanName), with an extension
	// that fits Type.
	Name string `json:"name"`
	// Type is the media type detected from the content, such as
	// "application/pdf" or "text/plain; charset=utf-8".
	Type string `json:"type"`
	// Size is the content's length in bytes.
	Size int64 `json:"size"`
	// SHA256 is the lower-case hex SHA-256 of the content.
	SHA256   string   `json:"sha256"`
	Uploader Uploader `json:"uploader"`
	State    State    `json:"state"`
	// CreatedAt is when the upload began; lists are newest first by it.
	CreatedAt time.Time `json:"created_at"`
	// Downloaded reports, in reads through an Access, whether that
	// contact has downloaded the file before.
	Downloaded bool `json:"downloaded"`
}

// Access names whose files a client may see: the contact's own, and
// their company's when CompanyID is set (the contact may see company
// items and has a company).
type Access struct {
	ContactID string
	CompanyID string
}

// Valid reports whether a can see anything: a contact ID of plain text.
func (a Access) Valid() bool {
	return validID(a.ContactID) && (a.CompanyID == "" || validID(a.CompanyID))
}

// Sees reports whether a may see a file of owner o (attachments are not
// decided here).
func (a Access) Sees(o Owner) bool {
	switch o.Kind {
	case OwnerContact:
		return o.ID == a.ContactID && a.ContactID != ""
	case OwnerCompany:
		return o.ID == a.CompanyID && a.CompanyID != ""
	}
	return false
}

// Completed is what is known of a file once its content is stored.
type Completed struct {
	Type   string
	Size   int64
	SHA256 string
}

// MaxIDLength bounds owner, contact and company IDs.
const MaxIDLength = 4 * connectors.MaxItemIDLength

// validID reports whether id can name a contact, a company or a post.
func validID(id string) bool {
	return id != "" && len(id) <= MaxIDLength && (connectors.TextRule{}).Problem(id) == ""
}
