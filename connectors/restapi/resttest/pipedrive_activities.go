package resttest

import (
	"fmt"
	"html"
	"net/http"
	"slices"
	"time"
)

// pdActivity writes a task as a v2 ActivityItem: due_date and due_time
// in UTC, duration as HH:MM, the public description for the person, the
// note (internal, HTML) for the team, the person as primary participant.
func pdActivity(r taskRec) map[string]any {
	dur := ""
	if !r.End.IsZero() {
		d := r.End.Sub(r.Start)
		dur = fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60)
	}
	var location any
	if r.Location != "" {
		location = map[string]any{"value": r.Location}
	}
	var doneAt any
	if r.Complete {
		doneAt = pdTime(r.End)
	}
	added := r.Start.Add(-24 * time.Hour)
	return map[string]any{
		"id": pdID(r.ID), "subject": r.Title, "type": "meeting", "owner_id": 1, "is_deleted": false,
		"add_time": pdTime(added), "update_time": pdTime(added), "deal_id": nil, "lead_id": nil,
		"person_id": pdID(r.ContactID), "org_id": nil, "project_id": nil,
		"due_date": r.Start.UTC().Format("2006-01-02"), "due_time": r.Start.UTC().Format("15:04"), "duration": dur,
		"busy": true, "done": r.Complete, "marked_as_done_time": doneAt, "location": location,
		"participants": []any{map[string]any{"person_id": pdID(r.ContactID), "primary": true}}, "attendees": []any{},
		"public_description": r.Description,
		"note":               "<p>Internal: " + html.EscapeString(r.Title) + " &mdash; check the budget first</p>",
		"priority":           nil,
	}
}

// listActivities is GET /api/v2/activities filtered by person_id (the
// primary participant) and sorted by due_date (then due_time), as the
// mapping asks.
func (p *Pipedrive) listActivities(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("sort_by") != "due_date" || q.Get("person_id") == "" {
		pdFail(w, http.StatusBadRequest, "this server lists a person's activities by due date only")
		return
	}
	all := p.Store.listTasks(q.Get("person_id"), false)
	if q.Get("sort_direction") != "desc" {
		slices.Reverse(all)
	}
	from, to, additional, ok := pdPage(r, len(all))
	if !ok {
		pdFail(w, http.StatusBadRequest, "bad cursor or limit")
		return
	}
	out := []any{}
	for _, t := range all[from:to] {
		out = append(out, pdActivity(t))
	}
	pdOK(w, out, additional)
}

func (p *Pipedrive) getActivity(w http.ResponseWriter, r *http.Request) {
	t, ok := p.Store.getTask(r.PathValue("id"))
	if !ok {
		pdFail(w, http.StatusNotFound, "Activity not found")
		return
	}
	pdOK(w, pdActivity(t), nil)
}
