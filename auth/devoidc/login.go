package devoidc

import (
	"embed"
	"html/template"
	"net/http"
	"net/url"
)

const (
	loginPath     = "/login"
	loggedOutPath = "/logged-out"
)

//go:embed templates/*.html
var templateFS embed.FS

var templates = template.Must(template.ParseFS(templateFS, "templates/*.html"))

// loginPage lists the demo people (GET) and signs in as one (POST).
type loginPage struct {
	storage  *storage
	callback string // the op's authorize callback URL, without the ID
	action   string // where the page's forms post: the login path
}

func (l *loginPage) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		l.show(w, r)
	case http.MethodPost:
		l.choose(w, r)
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

func (l *loginPage) show(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if _, err := l.storage.AuthRequestByID(r.Context(), id); err != nil {
		http.Error(w, "unknown or expired sign-in request", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = templates.ExecuteTemplate(w, "login.html", map[string]any{"ID": id, "People": l.storage.people.list, "Action": l.action})
}

func (l *loginPage) choose(w http.ResponseWriter, r *http.Request) {
	id, sub := r.PostFormValue("id"), r.PostFormValue("sub")
	if r.PostFormValue("cancel") != "" {
		l.deny(w, r, id)
		return
	}
	if _, ok := l.storage.people.bySub[sub]; !ok {
		http.Error(w, "unknown person", http.StatusBadRequest)
		return
	}
	if err := l.storage.complete(id, sub); err != nil {
		http.Error(w, "unknown or expired sign-in request", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, l.callback+url.QueryEscape(id), http.StatusFound)
}

// deny sends the browser back to the client with error=access_denied.
func (l *loginPage) deny(w http.ResponseWriter, r *http.Request, id string) {
	req, err := l.storage.AuthRequestByID(r.Context(), id)
	if err != nil {
		http.Error(w, "unknown or expired sign-in request", http.StatusBadRequest)
		return
	}
	_ = l.storage.DeleteAuthRequest(r.Context(), id)
	u, err := url.Parse(req.GetRedirectURI())
	if err != nil {
		http.Error(w, "bad redirect URI", http.StatusBadRequest)
		return
	}
	q := u.Query()
	q.Set("error", "access_denied")
	q.Set("state", req.GetState())
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

func loggedOut(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = templates.ExecuteTemplate(w, "loggedout.html", nil)
}
