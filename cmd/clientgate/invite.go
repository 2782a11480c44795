package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/jobs"
	"clientgate/connectors/mail/outbox"
)

const inviteUsage = "invite --email EMAIL [--config FILE]"

// cmdInvite queues the "your portal is ready" email to the contact with
// the address; the running portal sends it (its link starts the normal
// sign-in; nothing secret is in it).
func cmdInvite(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "invite", inviteUsage)
	path := fs.String("config", "", "YAML configuration `file`; without it only CLIENTGATE_* variables are read")
	email := fs.String("email", "", "the contact's email `address`")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*email) == "" || !strings.Contains(*email, "@") {
		return usagef("invite needs --email with the contact's email address")
	}
	op, err := openOperator(ctx, a, *path)
	if err != nil {
		return err
	}
	defer op.Close()
	if !op.cfg.Email.Enabled() {
		return errors.New("invite: email is off: set email.smtp_url and email.from")
	}
	contact, err := op.conn.FindContactByEmail(ctx, strings.TrimSpace(*email))
	if err != nil {
		return fmt.Errorf("invite: contact %q: %w", *email, err)
	}
	queued, err := op.invite(ctx, contact.ID)
	if err != nil {
		return err
	}
	if !queued {
		fmt.Fprintf(a.stdout, "%s was already invited today; no second email queued\n", contact.Email)
		return nil
	}
	fmt.Fprintf(a.stdout, "invitation to %s queued; the running portal sends it\n", contact.Email)
	return nil
}

// invite queues the invitation on the bridge database's queue (this
// process only enqueues) and records it in the contact's audit log.
func (o *operatorEnv) invite(ctx context.Context, contactID string) (bool, error) {
	db, err := o.store.OpenHandle(ctx, 1)
	if err != nil {
		return false, fmt.Errorf("invite: %w", err)
	}
	defer db.Close()
	q, err := jobs.Open(ctx, jobs.Options{DB: db, Dialect: o.store.Driver()})
	if err != nil {
		return false, fmt.Errorf("invite: %w", err)
	}
	defer q.Stop(context.WithoutCancel(ctx))
	box, err := outbox.New(outbox.Options{Queue: q})
	if err != nil {
		return false, err
	}
	n, err := newNotifier(o.cfg, box, o.conn, o.store, nil, o.log)
	if err != nil {
		return false, err
	}
	queued, err := n.Invite(ctx, contactID)
	var verr *connectors.ValidationError
	if errors.As(err, &verr) {
		return false, fmt.Errorf("invite: the contact %s", verr.Fields["email"])
	}
	if err != nil || !queued {
		return false, err
	}
	err = o.store.Record(ctx, bridge.AuditEntry{At: time.Now().UTC(), ContactID: contactID, Actor: "operator",
		Action: "contact.invite", Target: contactID})
	return true, err
}
