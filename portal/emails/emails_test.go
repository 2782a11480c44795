package emails_test

import (
	"strings"
	"testing"

	"clientgate/portal/emails"
)

func renderer(t *testing.T) *emails.Renderer {
	t.Helper()
	r, err := emails.New(emails.Options{PortalName: "Acme Portal", AccentColor: "#0a7d5a",
		Business:  emails.Business{Name: "Acme Ltd", Address: "1 Road\nTown", Email: "hello@acme.example", Phone: "+1 555", Website: "https://acme.example"},
		Languages: []string{"en", "de"}, DefaultLanguage: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRenderEscapesAndKeepsText: every value is escaped in the HTML part,
// the text part keeps the quote's lines, the footer names the business
// and the unsubscribe link makes the one-click headers.
func TestRenderEscapesAndKeepsText(t *testing.T) {
	r := renderer(t)
	m, err := r.Render(emails.Content{Lang: "de", Subject: "Re: <b>hi</b>\r\nBcc: evil@example.com",
		Greeting: "Hello <i>Ann</i>,", Intro: []string{"Para & one"}, QuoteBy: "Sam wrote:", Quote: "line 1\n<script>alert(1)</script>",
		Facts: []emails.Fact{{Label: "Status", Value: "Open"}}, Action: emails.Action{Label: "Open it", URL: "https://portal.example/t/1?a=1&b=2"},
		Reason: "Because.", Unsubscribe: "https://portal.example/clients/unsubscribe/tok"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Re: <b>hi</b> Bcc: evil@example.com" {
		t.Errorf("subject %q: line breaks must be folded", m.Subject)
	}
	for _, want := range []string{`lang="de"`, "Hello &lt;i&gt;Ann&lt;/i&gt;,", "&lt;script&gt;alert(1)&lt;/script&gt;", "Para &amp; one",
		`href="https://portal.example/t/1?a=1&amp;b=2"`, "Acme Ltd", "1 Road<br>Town", "#0a7d5a", "Diese E-Mails abbestellen",
		"automatisch von Acme Portal"} {
		if !strings.Contains(m.HTML, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(m.HTML, "<script>") || strings.Contains(m.HTML, "<i>Ann") {
		t.Error("HTML holds unescaped text")
	}
	for _, want := range []string{"Acme Portal\n", "> line 1\n> <script>alert(1)</script>\n", "Status: Open", "Open it:\nhttps://portal.example/t/1?a=1&b=2",
		"--\nAcme Ltd\n1 Road\nTown\nhello@acme.example", "Diese E-Mails abbestellen: https://portal.example/clients/unsubscribe/tok"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, m.Text)
		}
	}
	if m.Headers["List-Unsubscribe"] != "<https://portal.example/clients/unsubscribe/tok>" ||
		m.Headers["List-Unsubscribe-Post"] != "List-Unsubscribe=One-Click" || m.Headers["Auto-Submitted"] != "auto-generated" {
		t.Errorf("headers %v", m.Headers)
	}
	m.To = []string{"ann@example.test"}
	if err := m.Validate(); err != nil {
		t.Errorf("the rendered message is not valid: %v", err)
	}
}

func TestRenderRefuses(t *testing.T) {
	r := renderer(t)
	if _, err := r.Render(emails.Content{Subject: " "}); err == nil {
		t.Error("an email without a subject rendered")
	}
	m, err := r.Render(emails.Content{Lang: "tlh", Subject: "S"})
	if err != nil || !strings.Contains(m.HTML, `lang="en"`) || m.Headers["List-Unsubscribe"] != "" {
		t.Errorf("unknown language: %v %q", err, m.HTML[:80])
	}
	for _, o := range []emails.Options{{}, {PortalName: "P", AccentColor: "red"}, {PortalName: "P", Languages: []string{"xx"}}} {
		if _, err := emails.New(o); err == nil {
			t.Errorf("New(%+v) accepted", o)
		}
	}
	if r.Language("", "de-AT") != "de" || r.Language("en", "de") != "en" || r.Language("", "") != "en" {
		t.Error("Language does not follow the saved choice, then the CRM locale")
	}
}
