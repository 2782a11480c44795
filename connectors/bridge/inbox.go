package bridge

import (
	"context"

	"clientgate/connectors"
)

// StaffActor is the staff member doing something in the inbox, as the
// audit log records them.
type StaffActor struct {
	// ID identifies the person, such as the OpenID "issuer|subject";
	// required.
	ID string
	// Name is shown as the author of their posts.
	Name string
	// IP is the address the request came from.
	IP string
}

// Member returns the actor as a connectors.StaffMember.
func (a StaffActor) Member() connectors.StaffMember {
	return connectors.StaffMember{ID: a.ID, Name: a.Name}
}

// InboxFilter selects threads for the staff inbox. Zero fields select
// everything.
type InboxFilter struct {
	// Kinds keeps threads of these kinds.
	Kinds []connectors.ThreadKind
	// Statuses keeps threads in these statuses.
	Statuses []connectors.TicketStatus
	// ContactID keeps one contact's threads.
	ContactID string
	// AssigneeID keeps the threads assigned to this staff member.
	AssigneeID string
	// Unassigned keeps the threads nobody is assigned to.
	Unassigned bool
	// UnreadOnly keeps the threads with client posts staff have not read.
	UnreadOnly bool
	// Category keeps the tickets of one category.
	Category string
}

// InboxCounts are the staff inbox's figures.
type InboxCounts struct {
	// WaitingOnStaff counts threads open or waiting_on_staff.
	WaitingOnStaff int `json:"waiting_on_staff"`
	// Unassigned counts threads not closed that nobody is assigned to.
	Unassigned int `json:"unassigned"`
	// Unread counts client posts staff have not read.
	Unread int `json:"unread"`
}

// Inbox is the staff side of the conversations clientgate keeps (see
// connectors.Conversations): every contact's threads, for people the
// portal has checked are staff on this very request. It is not scoped to
// a contact, so it must never be reachable by a client. Every change is
// recorded in the audit log, in the same transaction, with the actor as
// "staff:" + ID, the action (thread.reply, thread.status, thread.assign),
// the thread ID as target and the old and new values. Threads' Unread
// counts client posts staff have not read. Errors are as for
// connectors.Conversations: ErrNotFound for an unknown thread,
// *ValidationError for bad text or actor, ErrInvalid for a bad status.
type Inbox interface {
	// InboxThreads lists threads across contacts, most recently active
	// first. ErrInvalid for a bad cursor or filter.
	InboxThreads(ctx context.Context, f InboxFilter, p connectors.PageRequest) (connectors.Page[connectors.Thread], error)
	// InboxThread returns any thread by ID.
	InboxThread(ctx context.Context, threadID string) (connectors.Thread, error)
	// InboxPosts lists a thread's posts, newest first.
	InboxPosts(ctx context.Context, threadID string, p connectors.PageRequest) (connectors.Page[connectors.Post], error)
	// StaffReply adds a staff post and sets the thread's status to status
	// ("" means waiting_on_client), also on a closed thread. It marks the
	// thread read for staff. ErrConflict when the thread is full.
	StaffReply(ctx context.Context, a StaffActor, threadID string, p connectors.NewPost, status connectors.TicketStatus) (connectors.Post, error)
	// SetStatus changes a thread's status; the same status again changes
	// nothing, reports changed == false and records no audit entry.
	SetStatus(ctx context.Context, a StaffActor, threadID string, status connectors.TicketStatus) (t connectors.Thread, changed bool, err error)
	// Assign gives the thread to a staff member (zero StaffMember:
	// nobody); the same assignee again reports changed == false.
	Assign(ctx context.Context, a StaffActor, threadID string, to connectors.StaffMember) (t connectors.Thread, changed bool, err error)
	// MarkStaffRead records that staff have read every post of the thread.
	MarkStaffRead(ctx context.Context, threadID string) error
	// InboxCounts returns the inbox's figures.
	InboxCounts(ctx context.Context) (InboxCounts, error)
	// ThreadHistory lists the audit entries of a thread, newest first, at
	// most limit (1 to 1000; 0 or less means 100).
	ThreadHistory(ctx context.Context, threadID string, limit int) ([]AuditEntry, error)
}
