package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// StaffReply adds a staff post and sets the thread's status (""
// means waiting_on_client).
func (s *Store) StaffReply(ctx context.Context, a bridge.StaffActor, threadID string, np connectors.NewPost,
	status connectors.TicketStatus) (connectors.Post, error) {
	if status == "" {
		status = connectors.TicketWaitingOnClient
	}
	if np.AuthorName == "" {
		np.AuthorName = a.Name
	}
	if err := np.Validate(); err != nil {
		return connectors.Post{}, wrap("staff reply", err)
	}
	if !status.Valid() {
		return connectors.Post{}, wrap("staff reply", fmt.Errorf("%w: unknown status %q", connectors.ErrInvalid, status))
	}
	var out connectors.Post
	err := s.staffWrite(ctx, a, threadID, func(tx *sql.Tx, r *threadRow) (*bridge.AuditEntry, error) {
		old := r.Status
		var err error
		if out, err = s.addPost(ctx, tx, r, connectors.AuthorStaff, a.ID, np, status); err != nil {
			return nil, err
		}
		if err := s.fire(ctx, tx, event(connectors.EventStaffPosted, r.Thread, old, out.ID, connectors.AuthorStaff)); err != nil {
			return nil, err
		}
		changes := append(statusChange(old, status), connectors.Change{Field: "post", New: out.ID})
		return &bridge.AuditEntry{Action: "thread.reply", Changes: changes}, nil
	})
	return out, ctxWrap(ctx, "staff reply", err)
}

// SetStatus changes a thread's status for staff.
func (s *Store) SetStatus(ctx context.Context, a bridge.StaffActor, threadID string, status connectors.TicketStatus) (connectors.Thread, bool, error) {
	if !status.Valid() {
		return connectors.Thread{}, false, wrap("set status", fmt.Errorf("%w: unknown status %q", connectors.ErrInvalid, status))
	}
	var out connectors.Thread
	var changed bool
	err := s.staffWrite(ctx, a, threadID, func(tx *sql.Tx, r *threadRow) (*bridge.AuditEntry, error) {
		old := r.Status
		out, changed = r.forReader(connectors.AuthorStaff), old != status
		if !changed {
			return nil, nil
		}
		r.Status, r.UpdatedAt = status, later(r.UpdatedAt, now())
		if err := s.saveThread(ctx, tx, *r); err != nil {
			return nil, err
		}
		out = r.forReader(connectors.AuthorStaff)
		if err := s.fire(ctx, tx, event(connectors.EventStatusChanged, r.Thread, old, "", connectors.AuthorStaff)); err != nil {
			return nil, err
		}
		return &bridge.AuditEntry{Action: "thread.status", Changes: statusChange(old, status)}, nil
	})
	return out, changed, ctxWrap(ctx, "set status", err)
}

// Assign gives the thread to a staff member (zero: nobody).
func (s *Store) Assign(ctx context.Context, a bridge.StaffActor, threadID string, to connectors.StaffMember) (connectors.Thread, bool, error) {
	if err := checkAssignee(to); err != nil {
		return connectors.Thread{}, false, wrap("assign", err)
	}
	var out connectors.Thread
	var changed bool
	err := s.staffWrite(ctx, a, threadID, func(tx *sql.Tx, r *threadRow) (*bridge.AuditEntry, error) {
		old := r.Assignee
		out, changed = r.forReader(connectors.AuthorStaff), old != to
		if !changed {
			return nil, nil
		}
		r.Assignee = to
		if err := s.saveThread(ctx, tx, *r); err != nil {
			return nil, err
		}
		out = r.forReader(connectors.AuthorStaff)
		if err := s.fire(ctx, tx, event(connectors.EventAssigned, r.Thread, r.Status, "", connectors.AuthorStaff)); err != nil {
			return nil, err
		}
		change := connectors.Change{Field: "assignee", Old: old.ID, New: to.ID}
		return &bridge.AuditEntry{Action: "thread.assign", Changes: []connectors.Change{change}}, nil
	})
	return out, changed, ctxWrap(ctx, "assign", err)
}

// checkAssignee refuses an assignee with a name but no ID, or text a
// thread cannot hold.
func checkAssignee(to connectors.StaffMember) error {
	var verr connectors.ValidationError
	if msg := (connectors.TextRule{Max: 4 * connectors.MaxAuthorLength}).Problem(to.ID); msg != "" {
		verr.Add("assignee.id", msg)
	}
	if msg := connectors.AuthorRule.Problem(to.Name); msg != "" {
		verr.Add("assignee.name", msg)
	}
	if to.ID == "" && to.Name != "" {
		verr.Add("assignee.id", "is required with a name")
	}
	return verr.OrNil()
}
