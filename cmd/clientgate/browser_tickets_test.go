package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"clientgate/connectors/sqlstore"
)

// TestBrowserTicketFlow: a client opens a ticket in the portal, a staff
// member signed in in a second, separate browser context answers it in
// the staff inbox, and the client sees the answer.
func TestBrowserTicketFlow(t *testing.T) {
	requireChromium(t)
	_, addrs := startBinary(t, baseEnv(t), false, "demo", "--addr", "127.0.0.1:0")
	origin := "http://" + addrs["portal"]
	b := newBrowser(t)
	defer b.screenshotOnFailure()
	b.signIn(origin + "/clients/")
	const subject, question, answer = "Delivery of the menus", "When will the printed menus arrive?", "They leave our studio on Friday."
	b.do("open the new ticket form",
		chromedp.Click(chromedp.Search(`//nav//a[normalize-space()="Support"]`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[normalize-space()="Support"]`)),
		chromedp.Click(chromedp.Search(`//main//a[normalize-space()="Ask a question"]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-subject")))
	b.do("open the ticket",
		chromedp.SendKeys(chromedp.CSS("#f-subject"), subject),
		chromedp.SetValue(chromedp.CSS("#f-category"), "General question"),
		chromedp.SendKeys(chromedp.CSS("#f-body"), question),
		chromedp.Click(chromedp.Search(`//button[normalize-space()="Send"]`)),
		chromedp.WaitVisible(headingStarting(subject)))
	if got := text(b, chromedp.CSS("main h1")); got != subject+" Open" {
		t.Errorf("ticket heading %q", got)
	}
	ticketURL := b.location()

	s := b.newContext()
	defer s.screenshotOnFailure()
	s.do("open the staff inbox signed out", chromedp.Navigate(origin+"/staff/"), chromedp.WaitVisible(pickerHeading))
	s.do("sign in as staff",
		chromedp.Click(chromedp.Search(`//button[contains(., "`+demoStaff.Email+`")]`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[normalize-space()="Staff inbox"]`)))
	s.do("open the client's ticket",
		chromedp.Click(chromedp.Search(`//main//a[normalize-space()="`+subject+`"]`)),
		chromedp.WaitVisible(headingStarting(subject)))
	if got := text(s, chromedp.CSS("#posts")); !strings.Contains(got, question) || !strings.Contains(got, browserPerson.name) {
		t.Errorf("the staff see %q", got)
	}
	s.do("answer",
		chromedp.SendKeys(chromedp.CSS("#f-body"), answer),
		chromedp.Click(chromedp.Search(`//button[normalize-space()="Send reply"]`)),
		chromedp.WaitVisible(chromedp.Search(`//p[normalize-space()="Your reply was sent."]`)))

	b.do("see the answer", chromedp.Navigate(ticketURL), chromedp.WaitVisible(chromedp.Search(`//p[normalize-space()="`+answer+`"]`)))
	if got := text(b, chromedp.CSS("main h1")); got != subject+" Waiting for you" {
		t.Errorf("ticket heading after the answer %q", got)
	}
	b.checkConsole("end of the ticket flow")
	s.checkConsole("end of the staff's part")
}

// newContext opens a second tab in a new browser context of the same
// browser: its own cookies, as a second person on another computer.
func (b *browser) newContext() *browser {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	b.t.Cleanup(cancel)
	other := &browser{t: b.t, ctx: ctx, console: &consoleErrors{}}
	if err := chromedp.Listen(ctx, other.console.record); err != nil {
		b.t.Fatalf("open a second browser context: %v", err)
	}
	return other
}

// unsubscribePath is the unsubscribe page of a demo contact, from the
// demo's database in dir.
func unsubscribePath(t *testing.T, dir, email string) string {
	t.Helper()
	ctx := context.Background()
	store, err := sqlstore.Open(ctx, filepath.Join(dir, "clientgate.db"), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	c, err := store.FindContactByEmail(ctx, email)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := store.UnsubscribeToken(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return "/clients/unsubscribe/" + tok
}

// staffPaths lists the staff pages for the demo's staff member, signed
// in: the inbox, Priya's ticket and the invitation form.
func (b *browser) staffPaths(origin string) []pagePath {
	b.do("open the staff inbox", chromedp.Navigate(origin+"/staff/"), chromedp.WaitVisible(chromedp.Search(`//main//a[normalize-space()="Paper for the new menus"]`)))
	thread := eval[string](b, `[...document.querySelectorAll('main a')].find(a => a.textContent.trim() === "Paper for the new menus").pathname`)
	b.do("open the thread", chromedp.Navigate(origin+thread), chromedp.WaitVisible(chromedp.CSS(`main a[href$="/files"][href^="/staff/contacts/"]`)))
	share := eval[string](b, `document.querySelector('main a[href$="/files"][href^="/staff/contacts/"]').pathname`)
	return []pagePath{{"staff-inbox", "/staff/"}, {"staff-thread", thread}, {"staff-invite", "/staff/invite"},
		{"staff-files", "/staff/files"}, {"staff-share", share}}
}
