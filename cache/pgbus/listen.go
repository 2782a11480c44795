package pgbus

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"

	"clientgate/cache"
)

// Run listens for the other replicas' invalidations and passes each to
// apply (typically (*cache.Cache).Apply) until ctx ends. A dropped
// connection is re-established with jittered exponential backoff. Each
// LISTEN but the very first attempt's is followed by one
// Invalidation{All: true}, since messages sent while this replica was not
// listening are lost. Start Run before the replica serves traffic.
func (b *Bus) Run(ctx context.Context, apply func(cache.Invalidation)) {
	backoff := b.opts.MinBackoff
	first := true
	for {
		connected, err := b.listen(ctx, apply, first)
		if ctx.Err() != nil {
			return
		}
		first = false
		if connected {
			backoff = b.opts.MinBackoff
		}
		b.opts.Logger.Warn("pgbus: listener connection lost, reconnecting", "err", err, "backoff", backoff)
		wait := backoff/2 + rand.N(backoff/2+1)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		backoff = min(2*backoff, b.opts.MaxBackoff)
	}
}

// listen holds one listening connection until it fails or ctx ends, and
// reports whether LISTEN succeeded on it.
func (b *Bus) listen(ctx context.Context, apply func(cache.Invalidation), first bool) (bool, error) {
	conn, err := pgx.Connect(ctx, b.connString)
	if err != nil {
		return false, err
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		conn.Close(closeCtx)
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{b.opts.Channel}.Sanitize()); err != nil {
		return false, err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{b.sessionChannel()}.Sanitize()); err != nil {
		return false, err
	}
	if !first {
		apply(cache.Invalidation{All: true})
		if b.sessionsEnded != nil {
			b.sessionsEnded(nil)
		}
	}
	if b.onListen != nil {
		b.onListen(conn.PgConn().PID())
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return true, err
		}
		if n.Channel == b.sessionChannel() {
			b.deliverSessions(n.Payload)
			continue
		}
		b.deliver(n.Payload, apply)
	}
}

// deliver decodes one payload and applies it unless this replica sent it.
func (b *Bus) deliver(payload string, apply func(cache.Invalidation)) {
	var m message
	if err := json.Unmarshal([]byte(payload), &m); err != nil {
		b.opts.Logger.Warn("pgbus: ignoring a malformed notification", "err", err)
		return
	}
	if m.Replica == b.opts.ReplicaID || m.Invalidation.IsZero() {
		return
	}
	apply(m.Invalidation)
}
