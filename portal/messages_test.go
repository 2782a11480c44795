package portal

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"clientgate/connectors"
)

// TestItemMessages: a client writes about an invoice, a quote and a task
// on their pages and through the API; the thread shows on the page,
// staff answers are marked read when seen.
func TestItemMessages(t *testing.T) {
	e := newConvEnv(t, nil)
	for _, item := range []struct{ module, id string }{{"invoices", "inv1"}, {"quotes", "q1"}, {"tasks", "task1"}} {
		loc := location(t, e.postAs("/clients/"+item.module+"/"+item.id+"/messages", "ann", false,
			url.Values{"body": {"About " + item.id + " <script>"}}))
		if !strings.HasPrefix(loc, "/clients/"+item.module+"/"+item.id+"?done=message#post-") {
			t.Errorf("after posting on %s: %s", item.id, loc)
		}
		page := e.do(req{path: "/clients/" + item.module + "/" + item.id + "?done=message", as: "ann"})
		wantStatus(t, page, http.StatusOK)
		wantBody(t, page, "About "+item.id+" &lt;script&gt;", "Your message was sent.", `id="messages"`)
		w := e.do(req{method: http.MethodPost, path: "/api/v1/" + item.module + "/" + item.id + "/messages", as: "ann", csrf: "csrf-ann",
			json: `{"body":"Second about ` + item.id + `"}`})
		wantStatus(t, w, http.StatusCreated)
		list := e.do(req{path: "/api/v1/" + item.module + "/" + item.id + "/messages", as: "ann"})
		wantBody(t, list, `"status":"open"`, "Second about "+item.id, "About "+item.id+" \\u003cscript\\u003e")
	}
	th, err := e.conv.ItemThread(context.Background(), connectors.Scope{ContactID: "ann"}, connectors.ItemRef{Kind: connectors.ThreadInvoice, ID: "inv1"})
	if err != nil || th.Posts != 2 {
		t.Fatalf("invoice thread %+v, %v", th, err)
	}
	e.staffReply(th.ID, "We will resend the invoice.")
	wantBody(t, e.do(req{path: "/clients/", as: "ann"}), "new reply")
	wantBody(t, e.do(req{path: "/clients/invoices/inv1", as: "ann"}), "We will resend the invoice.", "Waiting for you", "Team")
	if after, _ := e.conv.ItemThread(context.Background(), connectors.Scope{ContactID: "ann"}, th.Item); after.Unread != 0 {
		t.Errorf("the page did not mark the reply read: %+v", after)
	}
	empty := e.do(req{path: "/api/v1/invoices/inv2/messages", as: "ann"})
	wantStatus(t, empty, http.StatusOK)
	wantBody(t, empty, `"status":""`, `"items":[]`)
}

// TestItemMessagesRefused: bad text shows the item's page again with the
// text and its problem; another contact's item is not found and nothing
// is stored.
func TestItemMessagesRefused(t *testing.T) {
	e := newConvEnv(t, nil)
	w := e.postAs("/clients/invoices/inv1/messages", "ann", false, url.Values{"body": {"bad\x00text"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "INV-0001", "invisible control characters", "bad\uFFFDtext")
	wantStatus(t, e.postAs("/clients/quotes/q1/messages", "ann", false, url.Values{"body": {strings.Repeat("é", 10001)}}), http.StatusUnprocessableEntity)
	for _, path := range []string{"/clients/invoices/inv1/messages", "/clients/quotes/q1/messages", "/clients/tasks/task1/messages", "/clients/invoices/nope/messages"} {
		wantStatus(t, e.postAs(path, "bob", false, url.Values{"body": {"not mine"}}), http.StatusNotFound)
		api := strings.Replace(path, "/clients/", "/api/v1/", 1)
		wantStatus(t, e.do(req{method: http.MethodPost, path: api, as: "bob", csrf: "csrf-bob", json: `{"body":"not mine"}`}), http.StatusNotFound)
		wantStatus(t, e.do(req{path: api, as: "bob"}), http.StatusNotFound)
	}
	page, err := e.conv.InboxThreads(context.Background(), bridgeFilterAll(), connectors.PageRequest{})
	if err != nil || len(page.Items) != 0 {
		t.Errorf("refused messages stored threads: %+v, %v", page.Items, err)
	}
}
