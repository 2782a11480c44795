// Package notify sends the portal's notifications by email, through the
// durable mail outbox: staff are told of new tickets (forms' too, with
// the answers), client posts and new sign-ups, clients of staff replies,
// status changes and files staff shared with them, and an invitation
// tells a contact their portal is ready. Attachments are named, never
// attached.
//
// Conversation events reach it as jobs (EnqueueEvent, enqueued in the
// store's transaction by the conversation hook); the handler reads the
// thread again, through the contact's own scope for a client's email and
// through the staff inbox for the staff's, so an email only ever holds
// its recipient's data. Every email has one stable outbox key per event
// and recipient, so a job that runs again sends nothing twice.
//
// Other notifications are a few lines with ToStaff, ToCategory and
// ToContact: they take care of recipients, language, the contact's
// opt-out, the unsubscribe link and the layout (package emails).
package notify

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"strings"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
	"clientgate/connectors/jobs"
	"clientgate/connectors/mail"
	"clientgate/portal/emails"
)

// Sender queues a message under a key; *outbox.Outbox implements it.
type Sender interface {
	// Send queues m; queued is false when a message with the key was
	// already queued or sent.
	Send(ctx context.Context, key string, m mail.Message) (queued bool, err error)
}

// Store is what notify reads from the bridge store: the contact's
// language, email preferences and unsubscribe token, the staff directory
// and per-contact portal settings. *sqlstore.Store implements it.
type Store interface {
	bridge.PreferenceStore
	bridge.EmailPreferenceStore
	bridge.StaffDirectory
	ContactSettings(ctx context.Context, contactID string) (bridge.ContactSettings, error)
}

// Options configure a Notifier; every field but Logger, StaffTo and
// CategoryTo is required.
type Options struct {
	Renderer      *emails.Renderer
	Outbox        Sender
	Connector     connectors.Connector
	Conversations connectors.Conversations
	Inbox         bridge.Inbox
	Store         Store
	// PublicURL is the portal's public origin; every link starts with it.
	PublicURL string
	// BasePath is the client pages' path, such as "/clients".
	BasePath string
	// StaffTo are the default staff addresses; CategoryTo those of one
	// ticket category.
	StaffTo    []string
	CategoryTo map[string][]string
	// Files, when set, names the attachments in conversation emails and
	// lets staff's file shares be told (FilesShared); CompanyItemsDefault
	// is the portal's default for who sees their company's files.
	Files               Files
	CompanyItemsDefault bool
	Logger              *slog.Logger
}

// Files is what notify reads of the files library (files.Library
// implements it).
type Files interface {
	// Attachments returns the files of posts by post ID.
	Attachments(ctx context.Context, postIDs []string) (map[string][]files.File, error)
	// Get returns one file an access may see.
	Get(ctx context.Context, a files.Access, id string) (files.File, error)
}

// Notifier builds and queues the notifications.
type Notifier struct {
	o Options
	// jobs is where FilesShared enqueues its jobs (set by Register).
	jobs *jobs.Queue
}

// StaffPath is where the staff inbox lives (portal's staff pages).
const StaffPath = "/staff"

// New checks o.
func New(o Options) (*Notifier, error) {
	if o.Renderer == nil || o.Outbox == nil || o.Connector == nil || o.Conversations == nil || o.Inbox == nil || o.Store == nil {
		return nil, errors.New("notify: a renderer, an outbox, the connector, conversations, the inbox and the store are required")
	}
	u, err := url.Parse(o.PublicURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("notify: the public URL must be an http(s) URL")
	}
	o.PublicURL = strings.TrimRight(o.PublicURL, "/")
	o.BasePath = strings.TrimRight(o.BasePath, "/")
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &Notifier{o: o}, nil
}

// URL is an absolute link to a path of the portal, such as
// URL("/staff/threads/" + id).
func (n *Notifier) URL(path string) string { return n.o.PublicURL + path }

// ClientURL is an absolute link to a client page, such as
// ClientURL("/tickets/" + id).
func (n *Notifier) ClientURL(path string) string { return n.o.PublicURL + n.o.BasePath + path }

// Renderer is the email renderer, for callers building Content.
func (n *Notifier) Renderer() *emails.Renderer { return n.o.Renderer }
