package pgbus

import (
	"context"
	"encoding/json"
	"fmt"
)

// sessionsMessage is a notification that sessions ended on one replica.
type sessionsMessage struct {
	Replica string `json:"replica"`
	// Sessions are the ended sessions' IDs; All means every session.
	Sessions []string `json:"sessions,omitempty"`
	All      bool     `json:"all_sessions,omitempty"`
}

// HandleSessionsEnded sets the function that receives the other
// replicas' ended sessions (nil: forget every session, also sent after a
// reconnection, since messages may have been missed). Call it before Run.
func (b *Bus) HandleSessionsEnded(f func(ids []string)) { b.sessionsEnded = f }

// PublishSessionsEnded tells the other replicas that sessions ended (nil:
// every session). It implements auth.SessionBroadcaster.
func (b *Bus) PublishSessionsEnded(ctx context.Context, ids []string) error {
	payload, err := json.Marshal(sessionsMessage{Replica: b.opts.ReplicaID, Sessions: ids, All: ids == nil})
	if err != nil {
		return fmt.Errorf("pgbus: encoding: %w", err)
	}
	if len(payload) > maxPayload {
		payload, _ = json.Marshal(sessionsMessage{Replica: b.opts.ReplicaID, All: true})
	}
	if _, err := b.pool.Exec(ctx, "SELECT pg_notify($1, $2)", b.sessionChannel(), string(payload)); err != nil {
		return fmt.Errorf("pgbus: notify: %w", err)
	}
	return nil
}

// sessionChannel is the channel of session notifications.
func (b *Bus) sessionChannel() string { return b.opts.Channel + "_sessions" }

// deliverSessions applies one session notification unless this replica
// sent it.
func (b *Bus) deliverSessions(payload string) {
	var m sessionsMessage
	if err := json.Unmarshal([]byte(payload), &m); err != nil {
		b.opts.Logger.Warn("pgbus: ignoring a malformed session notification", "err", err)
		return
	}
	if m.Replica == b.opts.ReplicaID || b.sessionsEnded == nil || (!m.All && len(m.Sessions) == 0) {
		return
	}
	if m.All {
		b.sessionsEnded(nil)
		return
	}
	b.sessionsEnded(m.Sessions)
}
