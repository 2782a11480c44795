package connectors

import (
	"context"
	"time"
	"unicode/utf8"
)

// ConversationCapabilities says which parts of Conversations a backend
// supports; the others return ErrUnsupported and the portal hides them.
type ConversationCapabilities struct {
	// Tickets covers every ticket method and ListPosts of tickets.
	Tickets bool `json:"tickets"`
	// Messages covers ItemThread, ListMessages and PostMessage.
	Messages bool `json:"messages"`
}

// Conversations is the client's side of tickets and item messages: an
// optional capability beside the Connector. clientgate's own store
// (sqlstore, on the bridge database) implements it for every connector,
// keyed by contact ID, so the same code path serves the SQL store, Jetpack
// CRM and any REST CRM; an adapter that maps a CRM's own ticket API may
// implement it too, and cmd then chooses it.
//
// Every method takes the signed-in contact's Scope (WithCompany is
// ignored: threads belong to one contact, so colleagues do not read each
// other's messages) and answers ErrNotFound for a thread of another
// contact, exactly as for an unknown or malformed ID. Text is checked as
// NewTicket.Validate and NewPost.Validate say, and a problem is a
// *ValidationError (ErrInvalid). Implementations are safe for concurrent
// use and return ErrUnavailable (wrapped) when their database fails.
//
// Item threads are keyed by (kind, ID) only: the store cannot know
// whether the contact may see that invoice, quote or task. The caller
// MUST first get the item through the Connector with the same Scope
// (GetInvoice, GetQuote, GetTask; ErrNotFound → 404) and only then call
// ItemThread, ListMessages or PostMessage with the item's ID.
type Conversations interface {
	// ConversationCapabilities reports what is supported.
	ConversationCapabilities() ConversationCapabilities

	// ListTickets returns the contact's tickets, most recently active
	// (UpdatedAt) first. ErrInvalid for a bad cursor.
	ListTickets(ctx context.Context, s Scope, p PageRequest) (Page[Thread], error)
	// GetTicket returns one of the contact's tickets. ErrNotFound when it
	// does not exist or belongs to another contact.
	GetTicket(ctx context.Context, s Scope, ticketID string) (Thread, error)
	// CreateTicket opens a ticket (status open) with its first post.
	CreateTicket(ctx context.Context, s Scope, t NewTicket) (Thread, error)
	// ReplyToTicket adds the client's post: an open ticket stays open, any
	// other not closed one becomes waiting_on_staff. ErrConflict when the
	// ticket is closed (reopen it first) or full (MaxThreadPosts).
	ReplyToTicket(ctx context.Context, s Scope, ticketID string, p NewPost) (Post, error)
	// CloseTicket closes the ticket; closing a closed ticket changes
	// nothing and reports changed == false.
	CloseTicket(ctx context.Context, s Scope, ticketID string) (t Thread, changed bool, err error)
	// ReopenTicket makes a closed ticket waiting_on_staff; reopening one
	// that is not closed reports changed == false.
	ReopenTicket(ctx context.Context, s Scope, ticketID string) (t Thread, changed bool, err error)

	// ListPosts returns the posts of one of the contact's threads (a
	// ticket, or an item thread by its Thread.ID), newest first.
	// ErrNotFound for a thread of another contact.
	ListPosts(ctx context.Context, s Scope, threadID string, p PageRequest) (Page[Post], error)
	// MarkRead records that the client has read every post of the
	// thread, so its Unread becomes 0.
	MarkRead(ctx context.Context, s Scope, threadID string) error

	// ItemThread returns the contact's message thread of an item.
	// ErrNotFound until the first message is posted.
	ItemThread(ctx context.Context, s Scope, item ItemRef) (Thread, error)
	// ListMessages returns the posts of the contact's thread of an item,
	// newest first; an empty page when there is none yet.
	ListMessages(ctx context.Context, s Scope, item ItemRef, p PageRequest) (Page[Post], error)
	// PostMessage adds the client's post to the item's thread, creating
	// the thread (status open) on the first one; a closed or answered
	// thread becomes waiting_on_staff. ErrNotFound for a malformed item
	// reference; ErrConflict when the thread is full.
	PostMessage(ctx context.Context, s Scope, item ItemRef, p NewPost) (Post, error)

	// ConversationCounts returns the contact's dashboard figures.
	ConversationCounts(ctx context.Context, s Scope) (ConversationCounts, error)
}

// Valid reports whether r can name an item: an item kind and an ID of
// valid text without control characters, at most MaxItemIDLength long.
func (r ItemRef) Valid() bool {
	return r.Kind.IsItem() && r.ID != "" && utf8.RuneCountInString(r.ID) <= MaxItemIDLength &&
		(TextRule{}).Problem(r.ID) == ""
}

// ConversationEventType says what happened in a conversation.
type ConversationEventType string

// The conversation events.
const (
	// EventTicketOpened: a client opened a ticket (PostID is its first post).
	EventTicketOpened ConversationEventType = "ticket.opened"
	// EventClientPosted: a client replied to a ticket or posted a message
	// on an item.
	EventClientPosted ConversationEventType = "client.posted"
	// EventStaffPosted: staff replied.
	EventStaffPosted ConversationEventType = "staff.posted"
	// EventStatusChanged: the status changed without a post (a client
	// closed or reopened, or staff set it).
	EventStatusChanged ConversationEventType = "status.changed"
	// EventAssigned: staff assigned the thread (Assignee may be zero:
	// unassigned).
	EventAssigned ConversationEventType = "assigned"
)

// ConversationEvent describes one change of a thread, for notifications.
// It holds IDs, not text: whoever sends an email reads the thread again
// through the same contact's scope, so an email can only ever hold that
// contact's data.
type ConversationEvent struct {
	Type      ConversationEventType `json:"type"`
	ContactID string                `json:"contact_id"`
	ThreadID  string                `json:"thread_id"`
	Kind      ThreadKind            `json:"kind"`
	Item      ItemRef               `json:"item"`
	// PostID is the new post of *Posted and TicketOpened events.
	PostID string `json:"post_id,omitempty"`
	// By is who acted: the client's contact, or the staff member.
	By        AuthorKind   `json:"by"`
	OldStatus TicketStatus `json:"old_status,omitempty"`
	Status    TicketStatus `json:"status"`
	Assignee  StaffMember  `json:"assignee"`
	At        time.Time    `json:"at"`
}
