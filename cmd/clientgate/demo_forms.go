package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"

	"github.com/google/uuid"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
	"clientgate/connectors/sqlstore"
)

// demoForms are the demo's forms, the two examples of
// clientgate.example.yaml: a quote or job request and an onboarding
// questionnaire.
func demoForms() []config.FormConfig {
	return []config.FormConfig{
		{Key: "quote", Title: "Request a quote or job", Intro: "Tell us what you need and we will send you a quote within two working days.",
			Fields: []config.FormFieldConfig{
				{Name: "summary", Label: "What do you need?", Type: "text", Required: true, Help: "For example: 500 flyers, a new logo, a website update."},
				{Name: "kind", Label: "Kind of job", Type: "choice", Required: true, Options: []string{"Print", "Design", "Web", "Something else"}},
				{Name: "details", Label: "Details", Type: "long_text", Help: "Sizes, quantities, materials, anything we should know."},
				{Name: "budget", Label: "Budget (EUR)", Type: "number"},
				{Name: "deadline", Label: "Needed by", Type: "date"},
				{Name: "files", Label: "Photos, plans or examples", Type: "file"},
			}},
		{Key: "onboarding", Title: "Onboarding questionnaire", Intro: "A few questions so that we can get started with you.",
			Fields: []config.FormFieldConfig{
				{Name: "company", Label: "Company name", Type: "text", Required: true},
				{Name: "website", Label: "Website", Type: "text"},
				{Name: "contact_person", Label: "Who should we talk to?", Type: "text", Required: true},
				{Name: "contact_hours", Label: "Best time to reach you", Type: "choice", Options: []string{"Mornings", "Afternoons", "Evenings"}},
				{Name: "team_size", Label: "How many people work in your company?", Type: "number"},
				{Name: "goals", Label: "What would you like to achieve with us?", Type: "long_text", Required: true},
				{Name: "start", Label: "When would you like to start?", Type: "date"},
				{Name: "logo", Label: "Your logo", Type: "file", Help: "PDF or an image."},
			}},
	}
}

// seedDemoAttachments has the demo's staff member answer Priya's open
// ticket with paper samples attached, unless it is answered already. It
// runs before serving: no notification is sent.
func seedDemoAttachments(ctx context.Context, cfg *config.Config, store *sqlstore.Store, log *slog.Logger) error {
	priya, err := store.FindContactByEmail(ctx, "priya@brightside.example")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	page, err := store.ListTickets(ctx, connectors.Scope{ContactID: priya.ID}, connectors.PageRequest{Limit: connectors.MaxLimit})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	for _, t := range page.Items {
		if t.Subject == "Paper for the new menus" && t.Posts == 1 {
			return answerWithSamples(ctx, cfg, store, t, log)
		}
	}
	return nil
}

// answerWithSamples replies to t as the demo's staff member with an
// image attached.
func answerWithSamples(ctx context.Context, cfg *config.Config, store *sqlstore.Store, t connectors.Thread, log *slog.Logger) error {
	fs, err := openFiles(ctx, cfg, store, nil, log)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer fs.close()
	actor := bridge.StaffActor{ID: cfg.Auth.Issuer + "|" + demoStaff.Sub(), Name: "Sam Staff"}
	content, err := demoPNG()
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	postID := uuid.NewString()
	if _, err := fs.lib.Upload(ctx, files.Upload{Owner: files.Owner{Kind: files.OwnerPost, ID: postID},
		Uploader: files.Uploader{Kind: files.ByStaff, ID: actor.ID, Name: actor.Name}, Name: "Paper samples.png",
		Body: bytes.NewReader(content)}); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	_, err = store.StaffReply(ctx, actor, t.ID, connectors.NewPost{ID: postID,
		Body: "Coated 350 g/m² card wipes clean and stays stiff. The samples are attached."}, "")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}
