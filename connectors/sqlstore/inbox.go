package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

var _ bridge.Inbox = (*Store)(nil)

// InboxThreads lists threads across contacts for staff, most recently
// active first.
func (s *Store) InboxThreads(ctx context.Context, f bridge.InboxFilter, p connectors.PageRequest) (connectors.Page[connectors.Thread], error) {
	where, args, err := inboxWhere(f)
	if err != nil {
		return connectors.Page[connectors.Thread]{}, wrap("inbox threads", err)
	}
	page, err := s.listThreads(ctx, where, args, connectors.AuthorStaff, p)
	return page, ctxWrap(ctx, "inbox threads", err)
}

// inboxWhere turns a filter into a WHERE clause; a value no thread can
// hold is ErrInvalid.
func inboxWhere(f bridge.InboxFilter) (string, []any, error) {
	conds, args := []string{"1 = 1"}, []any{}
	in := func(column string, values []string) {
		conds = append(conds, column+` IN (`+strings.TrimSuffix(strings.Repeat("?, ", len(values)), ", ")+`)`)
		for _, v := range values {
			args = append(args, v)
		}
	}
	var kinds, statuses []string
	for _, k := range f.Kinds {
		if !k.Valid() {
			return "", nil, fmt.Errorf("%w: unknown thread kind %q", connectors.ErrInvalid, k)
		}
		kinds = append(kinds, string(k))
	}
	for _, st := range f.Statuses {
		if !st.Valid() {
			return "", nil, fmt.Errorf("%w: unknown status %q", connectors.ErrInvalid, st)
		}
		statuses = append(statuses, string(st))
	}
	if len(kinds) > 0 {
		in("kind", kinds)
	}
	if len(statuses) > 0 {
		in("status", statuses)
	}
	if f.AssigneeID != "" && f.Unassigned {
		return "", nil, fmt.Errorf("%w: a filter cannot ask for an assignee and for unassigned threads", connectors.ErrInvalid)
	}
	for _, eq := range []struct{ column, value string }{
		{"contact_id", f.ContactID}, {"assignee_id", f.AssigneeID}, {"category", f.Category},
	} {
		if eq.value != "" {
			if !validText(eq.value) {
				return "", nil, fmt.Errorf("%w: %s is not valid text", connectors.ErrInvalid, eq.column)
			}
			conds, args = append(conds, eq.column+` = ?`), append(args, eq.value)
		}
	}
	if f.Unassigned {
		conds = append(conds, `assignee_id = ''`)
	}
	if f.UnreadOnly {
		conds = append(conds, `staff_unread > 0`)
	}
	return strings.Join(conds, " AND "), args, nil
}

// InboxThread returns any thread by ID.
func (s *Store) InboxThread(ctx context.Context, threadID string) (connectors.Thread, error) {
	t, err := s.getThread(ctx, threadID, staffSide, connectors.AuthorStaff)
	return t, ctxWrap(ctx, "inbox thread", err)
}

// InboxPosts lists a thread's posts, newest first.
func (s *Store) InboxPosts(ctx context.Context, threadID string, p connectors.PageRequest) (connectors.Page[connectors.Post], error) {
	if _, err := s.getThread(ctx, threadID, staffSide, connectors.AuthorStaff); err != nil {
		return connectors.Page[connectors.Post]{}, ctxWrap(ctx, "inbox posts", err)
	}
	page, err := s.listPosts(ctx, threadID, p)
	return page, ctxWrap(ctx, "inbox posts", err)
}

// MarkStaffRead records that staff have read the thread.
func (s *Store) MarkStaffRead(ctx context.Context, threadID string) error {
	return ctxWrap(ctx, "mark staff read", s.markRead(ctx, threadID, staffSide, connectors.AuthorStaff))
}

// InboxCounts returns the inbox's figures.
func (s *Store) InboxCounts(ctx context.Context) (bridge.InboxCounts, error) {
	var c bridge.InboxCounts
	err := s.row(ctx, s.db, `SELECT
		COALESCE(SUM(CASE WHEN status IN ('open', 'waiting_on_staff') THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN status <> 'closed' AND assignee_id = '' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(staff_unread), 0)
		FROM conversation_threads`).Scan(&c.WaitingOnStaff, &c.Unassigned, &c.Unread)
	return c, ctxWrap(ctx, "inbox counts", err)
}

// ThreadHistory lists the audit entries of a thread, newest first.
func (s *Store) ThreadHistory(ctx context.Context, threadID string, limit int) ([]bridge.AuditEntry, error) {
	if !isID(threadID) {
		return nil, ctxWrap(ctx, "thread history", connectors.ErrNotFound)
	}
	out, err := s.auditWhere(ctx, "target", threadID, limit)
	return out, ctxWrap(ctx, "thread history", err)
}

// staffWrite runs f on a thread locked for a staff action, then records
// the audit entry f returns (none when f returns nil) in the same
// transaction.
func (s *Store) staffWrite(ctx context.Context, a bridge.StaffActor, threadID string,
	f func(tx *sql.Tx, r *threadRow) (*bridge.AuditEntry, error)) error {
	if err := checkActor(a); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		r, err := s.lockThread(ctx, tx, threadID, staffSide)
		if err != nil {
			return err
		}
		e, err := f(tx, &r)
		if err != nil || e == nil {
			return err
		}
		e.ContactID, e.Actor, e.Target, e.IP = r.ContactID, "staff:"+a.ID, r.ID, a.IP
		return s.insertAudit(ctx, tx, *e)
	})
}

// checkActor refuses a staff actor without an ID or with text the audit
// log cannot hold.
func checkActor(a bridge.StaffActor) error {
	var verr connectors.ValidationError
	line := connectors.TextRule{Max: 4 * connectors.MaxAuthorLength, Required: true}
	if msg := line.Problem(a.ID); msg != "" {
		verr.Add("actor.id", msg)
	}
	if msg := connectors.AuthorRule.Problem(a.Name); msg != "" {
		verr.Add("actor.name", msg)
	}
	if msg := (connectors.TextRule{Max: 100}).Problem(a.IP); msg != "" {
		verr.Add("actor.ip", msg)
	}
	return verr.OrNil()
}

// statusChange is the audit change of a status, or nothing when equal.
func statusChange(old, nw connectors.TicketStatus) []connectors.Change {
	if old == nw {
		return nil
	}
	return []connectors.Change{{Field: "status", Old: string(old), New: string(nw)}}
}
