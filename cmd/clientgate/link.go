package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"clientgate/connectors/bridge"
)

const linkUsage = `link list [--config FILE]
       clientgate link add --issuer ISSUER --subject SUBJECT --contact CONTACT_ID|EMAIL [--config FILE]
       clientgate link remove --issuer ISSUER --subject SUBJECT [--config FILE]
       clientgate link conflicts [--config FILE]`

func cmdLink(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 {
		return usagef("link needs a subcommand: list, add, remove or conflicts")
	}
	sub := args[0]
	fs := newFlagSet(a, "link "+sub, linkUsage)
	path := fs.String("config", "", "YAML configuration `file`; without it only CLIENTGATE_* variables are read")
	var id bridge.Identity
	var contactID string
	if sub == "add" || sub == "remove" {
		fs.StringVar(&id.Issuer, "issuer", "", "the identity's OpenID issuer URL")
		fs.StringVar(&id.Subject, "subject", "", "the identity's subject (sub claim)")
	}
	if sub == "add" {
		fs.StringVar(&contactID, "contact", "", "the contact to link to, by `ID or email`")
	}
	switch sub {
	case "list", "add", "remove", "conflicts":
	default:
		return usagef("unknown link subcommand %q: want list, add, remove or conflicts", sub)
	}
	if err := parseNoArgs(fs, args[1:]); err != nil {
		return err
	}
	op, err := openOperator(ctx, a, *path)
	if err != nil {
		return err
	}
	defer op.Close()
	switch sub {
	case "add":
		return linkAdd(ctx, a, op, id, contactID)
	case "remove":
		return linkRemove(ctx, a, op, id)
	case "conflicts":
		return linkConflicts(ctx, a, op)
	}
	return linkList(ctx, a, op)
}

// parseNoArgs parses flags and rejects positional arguments.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("%s takes no arguments, got %q", fs.Name(), rest)
	}
	return nil
}

func checkIdentity(id bridge.Identity) error {
	if strings.TrimSpace(id.Issuer) == "" || strings.TrimSpace(id.Subject) == "" {
		return usagef("--issuer and --subject are required")
	}
	return nil
}

func linkAdd(ctx context.Context, a *app, op *operatorEnv, id bridge.Identity, contactID string) error {
	if err := checkIdentity(id); err != nil {
		return err
	}
	if strings.TrimSpace(contactID) == "" {
		return usagef("--contact is required")
	}
	c, err := op.contact(ctx, contactID)
	if err != nil {
		return err
	}
	l := bridge.Link{Identity: id, ContactID: c.ID, Email: c.Email, Via: bridge.ViaOperator, CreatedAt: time.Now().UTC()}
	if err := op.store.SaveLink(ctx, l); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "linked %s|%s to contact %s (%s)\n", id.Issuer, id.Subject, c.ID, c.Email)
	return nil
}

func linkRemove(ctx context.Context, a *app, op *operatorEnv, id bridge.Identity) error {
	if err := checkIdentity(id); err != nil {
		return err
	}
	if err := op.store.DeleteLink(ctx, id); err != nil {
		return fmt.Errorf("link %s|%s: %w", id.Issuer, id.Subject, err)
	}
	fmt.Fprintf(a.stdout, "removed the link of %s|%s\n", id.Issuer, id.Subject)
	return nil
}

func linkList(ctx context.Context, a *app, op *operatorEnv) error {
	links, err := op.store.Links(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ISSUER\tSUBJECT\tCONTACT\tEMAIL\tVIA\tCREATED")
	for _, l := range links {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", cell(l.Issuer), cell(l.Subject), cell(l.ContactID),
			cell(l.Email), cell(l.Via), l.CreatedAt.UTC().Format(time.RFC3339))
	}
	return w.Flush()
}

func linkConflicts(ctx context.Context, a *app, op *operatorEnv) error {
	conflicts, err := op.store.Conflicts(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ISSUER\tSUBJECT\tEMAIL\tCONTACTS\tSEEN\tFIRST SEEN\tLAST SEEN")
	for _, c := range conflicts {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", cell(c.Issuer), cell(c.Subject), cell(c.Email),
			cell(strings.Join(c.ContactIDs, ",")), c.Count,
			c.FirstSeen.UTC().Format(time.RFC3339), c.LastSeen.UTC().Format(time.RFC3339))
	}
	return w.Flush()
}

// cell makes a value safe for one table cell: no tabs, line breaks or
// other control characters, "-" when empty.
func cell(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	if s == "" {
		return "-"
	}
	return s
}
