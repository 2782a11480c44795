package jetpackcrm

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"clientgate/connectors"
)

// ListTasks returns the events linked to the contact (in their contact[])
// and marked "show on portal" in the CRM, latest start first. The events
// endpoint cannot filter by contact, so it is paged (perpage PageSize)
// until an empty or short page, at most MaxPages calls.
func (c *Connector) ListTasks(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Task], error) {
	if err := connectors.CheckSliceCursor(p.Cursor); err != nil {
		return connectors.Page[connectors.Task]{}, err
	}
	all, err := c.tasks(ctx, s.ContactID)
	if err != nil {
		return connectors.Page[connectors.Task]{}, err
	}
	return connectors.PageSlice(all, p)
}

// GetTask finds the task among the contact's own tasks.
func (c *Connector) GetTask(ctx context.Context, s connectors.Scope, taskID string) (connectors.Task, error) {
	all, err := c.tasks(ctx, s.ContactID)
	if err != nil {
		return connectors.Task{}, err
	}
	for _, t := range all {
		if t.ID == taskID {
			return t, nil
		}
	}
	return connectors.Task{}, fmt.Errorf("%w: jetpackcrm: task %q of contact %q", connectors.ErrNotFound, taskID, s.ContactID)
}

func (c *Connector) tasks(ctx context.Context, contactID string) ([]connectors.Task, error) {
	var out []connectors.Task
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for page := 1; page <= c.opts.MaxPages; page++ {
		body, err := c.get(ctx, "events", url.Values{
			"perpage": {strconv.Itoa(c.opts.PageSize)}, "page": {strconv.Itoa(page)},
		})
		if err != nil {
			return nil, err
		}
		items, err := decodeList("events", body)
		if err != nil {
			return nil, err
		}
		for _, o := range items {
			if !linkedTo(o, contactID) {
				continue
			}
			t, err := c.m.task(o)
			if errors.Is(err, errHidden) {
				continue
			}
			out = append(out, t)
		}
		if len(items) < c.opts.PageSize {
			newestFirst(out, func(t connectors.Task) time.Time { return t.Start }, func(t connectors.Task) string { return t.ID })
			return out, nil
		}
	}
	// Events come oldest first: a cut list would lose the newest ones.
	return nil, c.tooManyPages("events")
}

// linkedTo reports whether an event's contact[] holds the contact.
func linkedTo(event object, contactID string) bool {
	for _, ct := range event.list("contact") {
		if ct.id() == contactID {
			return true
		}
	}
	return false
}
