package conversationtest

import (
	"errors"
	"strings"

	"clientgate/connectors"
)

// CheckValidation sends bad text to every write: empty, oversized,
// invalid UTF-8, control characters and direction overrides are each a
// *connectors.ValidationError naming the field, and nothing is stored.
// Line breaks, tabs, HTML and non-Latin text are fine.
func CheckValidation(r Reporter, b Backend) {
	r.Helper()
	c := b.Conv
	caps := c.ConversationCapabilities()
	long := func(n int) string { return strings.Repeat("é", n) }
	bad := []struct{ field, subject, category, body, author string }{
		{"subject", "", "", "ok", ""},
		{"subject", "   ", "", "ok", ""},
		{"subject", long(connectors.MaxSubjectLength + 1), "", "ok", ""},
		{"subject", "a\nb", "", "ok", ""},
		{"subject", "a\x00b", "", "ok", ""},
		{"subject", "\xff\xfe", "", "ok", ""},
		{"subject", "evil\u202Egnp.exe", "", "ok", ""},
		{"category", "ok", long(connectors.MaxCategoryLength + 1), "ok", ""},
		{"body", "ok", "", "", ""},
		{"body", "ok", "", " \n\t ", ""},
		{"body", "ok", "", long(connectors.MaxBodyLength + 1), ""},
		{"body", "ok", "", "bell\x07", ""},
		{"body", "ok", "", "nul\x00", ""},
		{"body", "ok", "", "bad \xc3\x28 utf-8", ""},
		{"body", "ok", "", "isolate \u2066x\u2069", ""},
		{"author_name", "ok", "", "ok", "a\nb"},
	}
	var ticketID string
	if caps.Tickets {
		ticketID = ticket(r, c, alice, "valid").ID
		for _, tc := range bad {
			_, err := c.CreateTicket(ctx, alice, connectors.NewTicket{Subject: tc.subject, Category: tc.category, Body: tc.body, AuthorName: tc.author})
			fieldErr(r, "CreateTicket with bad "+tc.field+" "+quote(tc), err, tc.field)
			if tc.field == "body" || tc.field == "author_name" {
				_, err = c.ReplyToTicket(ctx, alice, ticketID, connectors.NewPost{Body: tc.body, AuthorName: tc.author})
				fieldErr(r, "ReplyToTicket with bad "+tc.field+" "+quote(tc), err, tc.field)
			}
		}
		if got := allTickets(r, c, alice, 0); len(got) != 1 {
			r.Errorf("%d tickets after refused creates, want 1", len(got))
		}
		if got := allPosts(r, c, alice, ticketID, 0); len(got) != 1 {
			r.Errorf("%d posts after refused replies, want 1", len(got))
		}
		fine := "Line one\n\tLine two: <b>bold</b> & \"quotes\" 東京 ✓ emoji 🎉"
		if _, err := c.CreateTicket(ctx, alice, connectors.NewTicket{Subject: "Grüße 東京 ✓", Body: fine, AuthorName: "Zoë"}); err != nil {
			r.Errorf("CreateTicket with line breaks, tabs, HTML and non-Latin text: %v", err)
		}
		big := connectors.NewTicket{Subject: long(connectors.MaxSubjectLength), Body: long(connectors.MaxBodyLength)}
		if _, err := c.CreateTicket(ctx, alice, big); err != nil {
			r.Errorf("CreateTicket at the length limits: %v", err)
		}
	}
	if caps.Messages {
		item := connectors.ItemRef{Kind: connectors.ThreadQuote, ID: "q-1"}
		_, err := c.PostMessage(ctx, alice, item, connectors.NewPost{Body: "x\x00"})
		fieldErr(r, "PostMessage with a NUL", err, "body")
		if page, err := c.ListMessages(ctx, alice, item, connectors.PageRequest{}); noErr(r, "ListMessages", err) && len(page.Items) > 0 {
			r.Errorf("a refused message was stored")
		}
	}
}

func quote(tc struct{ field, subject, category, body, author string }) string {
	v := map[string]string{"subject": tc.subject, "category": tc.category, "body": tc.body, "author_name": tc.author}[tc.field]
	if len(v) > 30 {
		v = v[:30] + "…"
	}
	return "(" + strings.ToValidUTF8(strings.NewReplacer("\n", `\n`, "\x00", `\0`).Replace(v), "?") + ")"
}

// fieldErr checks that err is a *ValidationError naming field.
func fieldErr(r Reporter, what string, err error, field string) {
	r.Helper()
	var verr *connectors.ValidationError
	switch {
	case !errors.As(err, &verr):
		r.Errorf("%s: got %v, want a *connectors.ValidationError", what, err)
	case !errors.Is(err, connectors.ErrInvalid):
		r.Errorf("%s: %v does not match ErrInvalid", what, err)
	case verr.Fields[field] == "":
		r.Errorf("%s: fields %v, want a message for %q", what, verr.Fields, field)
	}
}
