package resttest

import (
	"fmt"
	"html"
	"net/http"
	"time"
)

// pdActivity writes a task as an activity: due_date and due_time in UTC,
// duration as HH:MM, the note as HTML.
func pdActivity(r taskRec) map[string]any {
	dur := ""
	if !r.End.IsZero() {
		d := r.End.Sub(r.Start)
		dur = fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60)
	}
	return map[string]any{
		"id": r.ID, "company_id": 1, "user_id": 1, "done": r.Complete, "type": "meeting",
		"due_date": r.Start.UTC().Format("2006-01-02"), "due_time": r.Start.UTC().Format("15:04"), "duration": dur,
		"subject": r.Title, "location": r.Location, "note": "<p>" + html.EscapeString(r.Description) + "</p>",
		"person_id": r.ContactID, "org_id": nil, "active_flag": true,
		"participants": []any{map[string]any{"person_id": r.ContactID, "primary_flag": true}},
		"add_time":     r.Start.UTC().Add(-24 * time.Hour).Format("2006-01-02 15:04:05"),
	}
}

func (p *Pipedrive) personActivities(w http.ResponseWriter, r *http.Request) {
	start, ok := intParam(r, "start", 0)
	limit, okl := intParam(r, "limit", 100)
	if !ok || !okl || limit < 1 {
		pdFail(w, http.StatusBadRequest, "bad start or limit")
		return
	}
	if _, found := p.Store.Contact(r.PathValue("id")); !found {
		pdFail(w, http.StatusNotFound, "Person not found")
		return
	}
	all := p.Store.listTasks(r.PathValue("id"), false)
	var data any
	page := pageOf(all, start, limit)
	if len(page) > 0 {
		out := []any{}
		for _, t := range page {
			out = append(out, pdActivity(t))
		}
		data = out
	}
	pdOK(w, data, pdPagination(start, limit, start+limit < len(all)))
}

func (p *Pipedrive) getActivity(w http.ResponseWriter, r *http.Request) {
	t, ok := p.Store.getTask(r.PathValue("id"))
	if !ok {
		pdFail(w, http.StatusNotFound, "Activity not found")
		return
	}
	pdOK(w, pdActivity(t), nil)
}
