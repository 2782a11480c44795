package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// TestBrowserAttachAndForm: a client attaches a photo to a new ticket in
// the browser and downloads it back from the ticket's page (the file
// Chromium saves is the one sent), then sends the "Request a quote or
// job" form with a file and lands on the ticket it became.
func TestBrowserAttachAndForm(t *testing.T) {
	requireChromium(t)
	_, addrs := startBinary(t, baseEnv(t), false, "demo", "--addr", "127.0.0.1:0")
	origin := "http://" + addrs["portal"]
	photo, err := demoPNG()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	upload := filepath.Join(dir, "menu photo.png")
	if err := os.WriteFile(upload, photo, 0o600); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t)
	defer b.screenshotOnFailure()
	b.signIn(origin + "/clients/")
	b.do("open the new ticket form", chromedp.Navigate(origin+"/clients/tickets/new"), chromedp.WaitVisible(chromedp.CSS("#f-file")))
	b.do("open a ticket with a photo",
		chromedp.SendKeys(chromedp.CSS("#f-subject"), "Photo of the menu board"),
		chromedp.SetValue(chromedp.CSS("#f-category"), "General question"),
		chromedp.SendKeys(chromedp.CSS("#f-body"), "The colours look wrong, see the photo."),
		chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{upload}),
		chromedp.Click(chromedp.Search(`//button[normalize-space()="Send"]`)),
		chromedp.WaitVisible(headingStarting("Photo of the menu board")))
	link := chromedp.Search(`//main//ul[@class="attachments"]//a[contains(., "menu photo.png")]`)
	b.do("see the attachment", chromedp.WaitVisible(link))
	downloads := t.TempDir()
	if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatalf("allow downloads: %v", err)
	}
	b.do("download the photo", chromedp.Click(link))
	if got := waitForDownload(t, filepath.Join(downloads, "menu photo.png")); !bytes.Equal(got, photo) {
		t.Errorf("downloaded %d bytes, want the %d sent", len(got), len(photo))
	}
	b.sendQuoteForm(origin, upload)
	b.checkConsole("end of the attachment and form flow")
}

// sendQuoteForm fills the demo's quote form, with a file, and sends it.
func (b *browser) sendQuoteForm(origin, file string) {
	b.t.Helper()
	b.do("open the forms",
		chromedp.Navigate(origin+"/clients/"),
		chromedp.Click(chromedp.Search(`//nav//a[normalize-space()="Requests"]`)),
		chromedp.Click(chromedp.Search(`//main//a[normalize-space()="Request a quote or job"]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-summary")))
	b.do("send the form",
		chromedp.SendKeys(chromedp.CSS("#f-summary"), "New menu boards"),
		chromedp.SetValue(chromedp.CSS("#f-kind"), "Print"),
		chromedp.SendKeys(chromedp.CSS("#f-details"), "Three boards, A1, wipe-clean."),
		chromedp.SendKeys(chromedp.CSS("#f-budget"), "450"),
		chromedp.SetValue(chromedp.CSS("#f-deadline"), "2026-05-01"),
		chromedp.SetUploadFiles(chromedp.CSS("#f-files"), []string{file}),
		chromedp.Click(chromedp.Search(`//button[normalize-space()="Send"]`)),
		chromedp.WaitVisible(chromedp.Search(`//p[normalize-space()="Thank you, your request was sent. We will answer here."]`)))
	got := text(b, chromedp.CSS("#posts"))
	for _, want := range []string{"What do you need?: New menu boards", "Kind of job: Print", "Budget (EUR): 450",
		"Needed by: 2026-05-01", "Three boards, A1, wipe-clean.", "menu photo.png"} {
		if !strings.Contains(got, want) {
			b.t.Errorf("the form's ticket lacks %q:\n%s", want, got)
		}
	}
	if h := text(b, chromedp.CSS("main h1")); !strings.HasPrefix(h, "Request a quote or job") {
		b.t.Errorf("the form's ticket is headed %q", h)
	}
}

// waitForDownload returns the content of a file Chromium is saving, once
// complete.
func waitForDownload(t *testing.T, path string) []byte {
	t.Helper()
	deadline := time.Now().Add(stepTimeout)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil {
			if _, err := os.Stat(path + ".crdownload"); os.IsNotExist(err) {
				return b
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	t.Fatalf("no download at %s (the folder holds %v)", path, entries)
	return nil
}
