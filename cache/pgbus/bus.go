// Package pgbus broadcasts cache invalidations and ended sign-in sessions
// between clientgate replicas through PostgreSQL LISTEN/NOTIFY.
//
// Each replica's Bus publishes its local invalidations with pg_notify on
// one channel, tagged with its replica ID, and listens on the same channel
// on a connection of its own, applying the other replicas' invalidations
// and ignoring its own. After a dropped connection it reconnects with
// backoff and, since messages may have been missed meanwhile, drops its
// whole local cache once.
package pgbus

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"

	"clientgate/cache"
)

// DefaultChannel is the NOTIFY channel used when Options.Channel is empty.
const DefaultChannel = "clientgate_invalidate"

// maxPayload is PostgreSQL's limit on a NOTIFY payload, less one.
const maxPayload = 7999

// Options configures a Bus. Zero values take the defaults noted.
type Options struct {
	// ReplicaID names this replica in its messages (default: a random UUID).
	ReplicaID string
	// Channel is the NOTIFY channel (default DefaultChannel).
	Channel string
	// MinBackoff and MaxBackoff bound the wait between reconnection
	// attempts (defaults 100ms and 10s).
	MinBackoff, MaxBackoff time.Duration
	// Logger receives connection problems (default: discard).
	Logger *slog.Logger
}

// Bus publishes and receives invalidations. It implements
// cache.Broadcaster.
type Bus struct {
	connString string
	pool       *pgxpool.Pool
	opts       Options
	// onListen, when set (by tests), is called with the listening
	// connection's backend PID each time LISTEN succeeds.
	onListen func(pid uint32)
	// sessionsEnded receives the other replicas' ended sessions (see
	// sessions.go); nil ignores them.
	sessionsEnded func(ids []string)
}

var _ cache.Broadcaster = (*Bus)(nil)

// message is the JSON payload of one notification.
type message struct {
	Replica string `json:"replica"`
	cache.Invalidation
}

// New returns a Bus on the PostgreSQL database at connString. It connects
// lazily; call Run to listen and Close when done.
func New(connString string, opts Options) (*Bus, error) {
	if opts.ReplicaID == "" {
		opts.ReplicaID = uuid.NewString()
	}
	if opts.Channel == "" {
		opts.Channel = DefaultChannel
	}
	if opts.MinBackoff <= 0 {
		opts.MinBackoff = 100 * time.Millisecond
	}
	if opts.MaxBackoff < opts.MinBackoff {
		opts.MaxBackoff = max(10*time.Second, opts.MinBackoff)
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	pool, err := pgxpool.New(context.Background(), connString)
	if err != nil {
		return nil, fmt.Errorf("pgbus: %w", err)
	}
	return &Bus{connString: connString, pool: pool, opts: opts}, nil
}

// ReplicaID returns the ID this replica tags its messages with.
func (b *Bus) ReplicaID() string { return b.opts.ReplicaID }

// Close closes the publishing connections. Stop Run with its context.
func (b *Bus) Close() { b.pool.Close() }

// Publish sends one invalidation to the other replicas.
func (b *Bus) Publish(ctx context.Context, inv cache.Invalidation) error {
	payload, err := json.Marshal(message{Replica: b.opts.ReplicaID, Invalidation: inv})
	if err != nil {
		return fmt.Errorf("pgbus: encoding: %w", err)
	}
	if len(payload) > maxPayload {
		return fmt.Errorf("pgbus: invalidation of %d bytes is too large to notify", len(payload))
	}
	if _, err := b.pool.Exec(ctx, "SELECT pg_notify($1, $2)", b.opts.Channel, string(payload)); err != nil {
		return fmt.Errorf("pgbus: notify: %w", err)
	}
	return nil
}
