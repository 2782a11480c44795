package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"clientgate/connectors"
)

const taskColumns = `id, title, description, start_at, end_at, location, complete`

func scanTask(row interface{ Scan(...any) error }) (connectors.Task, error) {
	var t connectors.Task
	err := row.Scan(&t.ID, &t.Title, &t.Description, tm(&t.Start), tm(&t.End), &t.Location, &t.Complete)
	return t, err
}

// ListTasks returns the contact's tasks, latest start first.
func (s *Store) ListTasks(ctx context.Context, sc connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Task], error) {
	page, err := listPage(ctx, s, listSpec[connectors.Task]{
		base:    `SELECT ` + taskColumns + ` FROM tasks WHERE contact_id = ?`,
		args:    []any{scopeID(sc.ContactID)},
		dateCol: "start_at",
		scan:    func(r *sql.Rows) (connectors.Task, error) { return scanTask(r) },
		key:     func(t connectors.Task) (time.Time, string) { return t.Start, t.ID },
	}, p)
	return page, ctxWrap(ctx, "list tasks", err)
}

// GetTask returns one of the contact's tasks, or ErrNotFound.
func (s *Store) GetTask(ctx context.Context, sc connectors.Scope, taskID string) (connectors.Task, error) {
	if !isID(taskID) || !isID(sc.ContactID) {
		return connectors.Task{}, ctxWrap(ctx, "get task", connectors.ErrNotFound)
	}
	t, err := scanTask(s.row(ctx, s.db, `SELECT `+taskColumns+` FROM tasks WHERE id = ? AND contact_id = ?`, taskID, sc.ContactID))
	return t, ctxWrap(ctx, "get task", err)
}
