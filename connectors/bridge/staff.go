package bridge

import (
	"context"
	"time"
)

// StaffRecord is a member of the staff as clientgate last saw them sign
// in: the staff directory lists the people a thread can be assigned to,
// and gives an assignee's email address for notifications.
type StaffRecord struct {
	// ID is "issuer|subject", the StaffActor ID of their actions.
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Email    string    `json:"email"`
	LastSeen time.Time `json:"last_seen"`
}

// StaffDirectory keeps the staff who have signed in.
type StaffDirectory interface {
	// SaveStaffMember records a staff sign-in, replacing the member's
	// name, email and last sign-in. ErrInvalid (wrapped) without an ID or
	// with text that cannot be stored.
	SaveStaffMember(ctx context.Context, m StaffRecord) error
	// StaffMembers lists the staff, by name.
	StaffMembers(ctx context.Context) ([]StaffRecord, error)
	// StaffMember returns one member by ID, or ErrNotFound.
	StaffMember(ctx context.Context, id string) (StaffRecord, error)
}
