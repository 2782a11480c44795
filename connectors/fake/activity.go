package fake

import (
	"context"
	"fmt"
	"time"

	"clientgate/connectors"
)

// ListTransactions returns the contact's transactions, newest first.
func (f *Connector) ListTransactions(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Transaction], error) {
	err := f.begin(ctx, "ListTransactions", func(c connectors.Capabilities) bool { return c.Transactions })
	if err != nil {
		return connectors.Page[connectors.Transaction]{}, err
	}
	f.mu.Lock()
	var items []connectors.Transaction
	for _, o := range f.txns {
		if f.visible(s, o.contactID, o.companyID) {
			items = append(items, o.item)
		}
	}
	f.mu.Unlock()
	newestFirst(items,
		func(t connectors.Transaction) time.Time { return t.Date },
		func(t connectors.Transaction) string { return t.ID })
	return connectors.PageSlice(items, p)
}

func canTasks(c connectors.Capabilities) bool { return c.Tasks }

// ListTasks returns the contact's tasks, latest start first.
func (f *Connector) ListTasks(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Task], error) {
	if err := f.begin(ctx, "ListTasks", canTasks); err != nil {
		return connectors.Page[connectors.Task]{}, err
	}
	f.mu.Lock()
	var items []connectors.Task
	for _, o := range f.tasks {
		if f.visible(s, o.contactID, o.companyID) {
			items = append(items, o.item)
		}
	}
	f.mu.Unlock()
	newestFirst(items,
		func(t connectors.Task) time.Time { return t.Start },
		func(t connectors.Task) string { return t.ID })
	return connectors.PageSlice(items, p)
}

// GetTask returns one of the contact's tasks.
func (f *Connector) GetTask(ctx context.Context, s connectors.Scope, taskID string) (connectors.Task, error) {
	if err := f.begin(ctx, "GetTask", canTasks); err != nil {
		return connectors.Task{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, o := range f.tasks {
		if o.item.ID == taskID && f.visible(s, o.contactID, o.companyID) {
			return o.item, nil
		}
	}
	return connectors.Task{}, fmt.Errorf("fake: task: %w", connectors.ErrNotFound)
}
