package notify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"clientgate/connectors"
	"clientgate/connectors/files"
	"clientgate/connectors/jobs"
	"clientgate/portal/emails"
	"clientgate/portal/i18n"
)

// FilesShared queues the job that tells a contact of files staff shared
// with them or their company (portal.FileNotifier). The job sends one
// email for them all, once.
func (n *Notifier) FilesShared(ctx context.Context, contactID string, fileIDs []string) error {
	if n.jobs == nil || n.o.Files == nil {
		return errors.New("notify: file notices need the files library and a registered queue")
	}
	_, err := n.jobs.Enqueue(ctx, FilesSharedArgs{ContactID: contactID, FileIDs: fileIDs}, jobs.EnqueueOptions{})
	return err
}

// filesShared tells the contact of the shared files they can see (read
// through their own access: a file removed since, or one of a company
// they do not see, is left out; none left, no email).
func (n *Notifier) filesShared(ctx context.Context, j *jobs.Job[FilesSharedArgs]) error {
	if n.o.Files == nil {
		return nil
	}
	seen, company, err := n.visibleFiles(ctx, j.Args.ContactID, j.Args.FileIDs)
	if err != nil || len(seen) == 0 {
		return err
	}
	key := "files-shared/" + j.Args.ContactID + "/" + idsKey(j.Args.FileIDs)
	_, err = n.ToContact(ctx, key, j.Args.ContactID, func(l *i18n.Localizer, c connectors.Contact) emails.Content {
		business := n.o.Renderer.Business()
		intro := "sharing.email.intro_contact"
		if company {
			intro = "sharing.email.intro_company"
		}
		content := emails.Content{
			Subject:  l.N("sharing.email.subject", len(seen), "Business", business),
			Greeting: l.T("emails.greeting", "Name", c.Name()),
			Intro:    []string{l.N(intro, len(seen), "Business", business)},
			Action:   emails.Action{Label: l.T("sharing.email.action"), URL: n.ClientURL("/files")},
		}
		for _, f := range seen {
			content.Facts = append(content.Facts, emails.Fact{Label: l.T("files.col.name"), Value: f.Name})
		}
		return content
	})
	return err
}

// visibleFiles reads the files the contact may see, and whether they are
// all their company's.
func (n *Notifier) visibleFiles(ctx context.Context, contactID string, ids []string) ([]files.File, bool, error) {
	c, err := n.o.Connector.GetContact(ctx, contactID)
	if isNotFound(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("notify: contact: %w", err)
	}
	set, err := n.o.Store.ContactSettings(ctx, contactID)
	if err != nil {
		return nil, false, fmt.Errorf("notify: contact settings: %w", err)
	}
	a := files.Access{ContactID: contactID}
	if set.ShowsCompanyItems(n.o.CompanyItemsDefault) {
		a.CompanyID = c.CompanyID
	}
	var seen []files.File
	company := true
	for _, id := range ids {
		f, err := n.o.Files.Get(ctx, a, id)
		if isNotFound(err) {
			continue
		}
		if err != nil {
			return nil, false, err
		}
		seen = append(seen, f)
		company = company && f.Owner.Kind == files.OwnerCompany
	}
	return seen, company, nil
}

// idsKey is a short stable key of a list of file IDs.
func idsKey(ids []string) string {
	sum := sha256.Sum256([]byte(strings.Join(ids, ",")))
	return hex.EncodeToString(sum[:8])
}

// attachmentFact names a post's attachments (not their content), or
// returns no fact when it has none or the names cannot be read (the
// email goes anyway: the names are a courtesy).
func (n *Notifier) attachmentFact(ctx context.Context, l *i18n.Localizer, postID string) []emails.Fact {
	if n.o.Files == nil || postID == "" {
		return nil
	}
	byPost, err := n.o.Files.Attachments(ctx, []string{postID})
	if err != nil {
		n.o.Logger.WarnContext(ctx, "notify: attachments not named", "post", postID, "err", err)
		return nil
	}
	var names []string
	for _, f := range byPost[postID] {
		names = append(names, f.Name)
	}
	if len(names) == 0 {
		return nil
	}
	return []emails.Fact{{Label: l.T("attachments.email_fact"), Value: strings.Join(names, ", ")}}
}
