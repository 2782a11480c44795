package connectors

import "time"

// ThreadKind says what a conversation thread is about: a ticket the
// client opened, or the messages on one invoice, quote or task.
type ThreadKind string

// The thread kinds.
const (
	ThreadTicket  ThreadKind = "ticket"
	ThreadInvoice ThreadKind = "invoice"
	ThreadQuote   ThreadKind = "quote"
	ThreadTask    ThreadKind = "task"
)

// Valid reports whether k is one of the thread kinds.
func (k ThreadKind) Valid() bool { return k == ThreadTicket || k.IsItem() }

// IsItem reports whether k is the kind of an item's message thread.
func (k ThreadKind) IsItem() bool {
	return k == ThreadInvoice || k == ThreadQuote || k == ThreadTask
}

// ItemRef names the invoice, quote or task a message thread is attached
// to, by its connector ID.
type ItemRef struct {
	Kind ThreadKind `json:"kind"`
	ID   string     `json:"id"`
}

// TicketStatus is where a thread stands. Clients see open, "waiting for
// you" (waiting_on_client), "waiting for us" (waiting_on_staff) and
// closed.
type TicketStatus string

// The ticket statuses.
const (
	// TicketOpen is a new thread nobody on the staff has answered yet.
	TicketOpen TicketStatus = "open"
	// TicketWaitingOnClient means staff answered and wait for the client
	// ("waiting for you").
	TicketWaitingOnClient TicketStatus = "waiting_on_client"
	// TicketWaitingOnStaff means the client answered and waits for staff
	// ("waiting for us").
	TicketWaitingOnStaff TicketStatus = "waiting_on_staff"
	// TicketClosed is a finished thread; a client reopens a ticket to
	// write again.
	TicketClosed TicketStatus = "closed"
)

// TicketStatuses lists every status in display order.
var TicketStatuses = []TicketStatus{TicketOpen, TicketWaitingOnClient, TicketWaitingOnStaff, TicketClosed}

// Valid reports whether s is one of the ticket statuses.
func (s TicketStatus) Valid() bool {
	switch s {
	case TicketOpen, TicketWaitingOnClient, TicketWaitingOnStaff, TicketClosed:
		return true
	}
	return false
}

// AuthorKind says which side wrote a post.
type AuthorKind string

// The author kinds.
const (
	AuthorClient AuthorKind = "client"
	AuthorStaff  AuthorKind = "staff"
)

// StaffMember names a member of the staff, such as a thread's assignee.
// ID is stable (such as the OpenID "issuer|subject"); Name is for display.
type StaffMember struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Thread is a ticket, or the message thread of one item, with its state
// but without its posts (list them with ListPosts).
type Thread struct {
	ID   string     `json:"id"`
	Kind ThreadKind `json:"kind"`
	// Item is the invoice, quote or task of an item thread; zero for a
	// ticket.
	Item ItemRef `json:"item"`
	// ContactID is the contact the thread belongs to.
	ContactID string `json:"contact_id"`
	Subject   string `json:"subject"`
	Category  string `json:"category"`
	// Form is the key of the operator's form a ticket was submitted
	// through ("" for a ticket the client wrote, and for item threads).
	Form   string       `json:"form"`
	Status TicketStatus `json:"status"`
	// Assignee is the staff member handling the thread; zero when nobody.
	Assignee  StaffMember `json:"assignee"`
	CreatedAt time.Time   `json:"created_at"`
	// UpdatedAt is the time of the last post or status change; lists are
	// ordered by it, newest first.
	UpdatedAt time.Time `json:"updated_at"`
	// Posts is how many posts the thread holds.
	Posts int `json:"posts"`
	// Unread is how many posts of the other side the asking side has not
	// read: staff posts for a client (Conversations), client posts for
	// staff (the bridge's Inbox).
	Unread int `json:"unread"`
}

// Post is one message of a thread. Body is plain text: pages and emails
// show it escaped, never as HTML.
type Post struct {
	ID         string     `json:"id"`
	ThreadID   string     `json:"thread_id"`
	Author     AuthorKind `json:"author"`
	AuthorName string     `json:"author_name"`
	Body       string     `json:"body"`
	CreatedAt  time.Time  `json:"created_at"`
}

// NewTicket is a ticket a client opens, with its first post.
type NewTicket struct {
	Subject string
	// Category is one of the operator's configured categories; the
	// portal checks it against the configuration, the store only that it
	// is short plain text (it may be empty).
	Category string
	// Form is the key of the form the ticket was submitted through (a
	// ticket of that form's kind); "" for a ticket the client wrote. The
	// portal checks it against the configuration, the store only that it
	// is short plain text.
	Form string
	Body string
	// AuthorName is the signed-in person's name as shown in the thread.
	AuthorName string
	// PostID, when set, is the ID the first post gets (see NewPost.ID).
	PostID string
}

// NewPost is a reply or a message.
type NewPost struct {
	// ID, when set, is the ID the post gets: a UUID the caller made up
	// front, such as to store the post's attachments before the post
	// (files owned by the post's ID). A malformed ID is ErrInvalid, one
	// already taken ErrConflict; "" lets the store choose.
	ID         string
	Body       string
	AuthorName string
}

// ConversationCounts are a contact's figures for the dashboard.
type ConversationCounts struct {
	// OpenTickets counts the tickets that are not closed.
	OpenTickets int `json:"open_tickets"`
	// WaitingOnClient counts the tickets waiting for the client.
	WaitingOnClient int `json:"waiting_on_client"`
	// UnreadReplies counts the staff posts the client has not read, in
	// tickets and item threads.
	UnreadReplies int `json:"unread_replies"`
}

// Limits of conversation text, in characters, and of a thread's length.
const (
	MaxSubjectLength  = 200
	MaxCategoryLength = 100
	MaxBodyLength     = 10000
	MaxAuthorLength   = 200
	MaxItemIDLength   = 200
	MaxFormKeyLength  = 64
	// MaxThreadPosts is the most posts one thread may hold; past it a
	// post is ErrConflict (open a new ticket).
	MaxThreadPosts = 1000
)

// The rules of conversation text.
var (
	SubjectRule  = TextRule{Max: MaxSubjectLength, Required: true}
	CategoryRule = TextRule{Max: MaxCategoryLength}
	FormKeyRule  = TextRule{Max: MaxFormKeyLength}
	BodyRule     = TextRule{Max: MaxBodyLength, Multiline: true, Required: true}
	AuthorRule   = TextRule{Max: MaxAuthorLength}
)

// Validate cleans the ticket's text in place (CleanText) and reports
// every problem at once as a *ValidationError with the fields subject,
// category, form, body and author_name.
func (t *NewTicket) Validate() error {
	var verr ValidationError
	check(&verr, "subject", &t.Subject, SubjectRule)
	check(&verr, "category", &t.Category, CategoryRule)
	check(&verr, "form", &t.Form, FormKeyRule)
	check(&verr, "body", &t.Body, BodyRule)
	check(&verr, "author_name", &t.AuthorName, AuthorRule)
	return verr.OrNil()
}

// Validate cleans the post's text in place and reports every problem at
// once as a *ValidationError with the fields body and author_name.
func (p *NewPost) Validate() error {
	var verr ValidationError
	check(&verr, "body", &p.Body, BodyRule)
	check(&verr, "author_name", &p.AuthorName, AuthorRule)
	return verr.OrNil()
}

func check(verr *ValidationError, field string, v *string, r TextRule) {
	*v = CleanText(*v)
	if msg := r.Problem(*v); msg != "" {
		verr.Add(field, msg)
	}
}
