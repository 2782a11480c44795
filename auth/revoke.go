package auth

import (
	"context"
	"time"

	"clientgate/connectors/bridge"
)

// SessionBroadcaster carries ended sessions to the other replicas, so
// that they drop them from memory at once. cmd wires it to the
// PostgreSQL bus; a single replica needs none.
type SessionBroadcaster interface {
	// PublishSessionsEnded tells the other replicas that the sessions
	// with these IDs ended; nil means "forget every session".
	PublishSessionsEnded(ctx context.Context, ids []string) error
}

// maxBroadcastIDs is the most session IDs sent in one broadcast; more
// are sent as "forget every session", which costs the other replicas one
// store read per active session.
const maxBroadcastIDs = 64

// EndSessions deletes the sessions f selects from the store, forgets them
// here and tells the other replicas; it returns how many ended. It is
// what sign-out, back-channel logout, revoked access and the operator's
// revocation use.
func (s *Service) EndSessions(ctx context.Context, f bridge.SessionFilter) (int, error) {
	ids, err := s.opts.Bridge.DeleteSessions(ctx, f)
	if err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, nil
	}
	s.ForgetSessions(ids)
	n := len(ids)
	if f.All || len(ids) > maxBroadcastIDs {
		ids = nil
	}
	if b := s.opts.Broadcaster; b != nil {
		if err := b.PublishSessionsEnded(ctx, ids); err != nil {
			s.opts.Logger.WarnContext(ctx, "auth: broadcasting ended sessions failed; other replicas keep them in memory for auth.session_cache_ttl", "err", err.Error())
		}
	}
	return n, nil
}

// endSessions is EndSessions that logs a failure instead of returning it.
func (s *Service) endSessions(ctx context.Context, f bridge.SessionFilter) {
	if _, err := s.EndSessions(ctx, f); err != nil {
		s.opts.Logger.ErrorContext(ctx, "auth: ending sessions failed", "err", err.Error())
	}
}

// ForgetSessions drops sessions from this replica's memory (nil: all), so
// that the next request reads the store. The broadcast receiver calls it
// with other replicas' ended sessions.
func (s *Service) ForgetSessions(ids []string) {
	if ids == nil {
		s.sessions.clearAll()
		return
	}
	for _, id := range ids {
		s.sessions.del(id)
	}
}

// sweepLoop deletes expired sessions and logout token IDs every
// SweepInterval until ctx ends.
func (s *Service) sweepLoop(ctx context.Context) {
	t := time.NewTicker(s.opts.SweepInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			n, err := s.opts.Bridge.SweepSessions(ctx, time.Now())
			if err != nil {
				s.opts.Logger.WarnContext(ctx, "auth: sweeping expired sessions failed", "err", err.Error())
			} else if n > 0 {
				s.opts.Logger.InfoContext(ctx, "auth: swept expired sessions", "count", n)
			}
		}
	}
}
