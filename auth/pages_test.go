package auth_test

import (
	"html/template"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"clientgate/auth"
	"clientgate/portal/i18n/i18ntest"
)

func TestProblemPageAddress(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	resp := b.signIn("/clients", erin, "") // no contact with erin's email
	loc := b.expectRedirect(resp)
	for _, lang := range []string{"de-DE,de;q=0.9", "fr"} {
		req, _ := http.NewRequest(http.MethodGet, loc, nil)
		req.Header.Set("Accept-Language", lang)
		resp := b.do(req)
		page := body(t, resp)
		want := map[string]string{"de-DE,de;q=0.9": "Für erin@example.com gibt es keinen Zugang zum Portal",
			"fr": "Il n’y a pas d’accès au portail pour erin@example.com"}[lang]
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(page, want) {
			t.Errorf("%s: %d, want %q in\n%s", lang, resp.StatusCode, want, page)
		}
		contains(t, page, `<html lang="`+lang[:2]+`">`)
	}
	u, _ := url.Parse(loc)
	q := u.Query()
	p := q.Get("p")
	q.Set("p", p[:len(p)-2]+"xx")
	u.RawQuery = q.Encode()
	for _, bad := range []string{u.String(), e.url("/auth/problem"), e.url("/auth/problem?p=%ff")} {
		resp := b.get(bad)
		page := body(t, resp)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, "Sign-in expired") || !strings.Contains(page, `href="/auth/login?next=`) {
			t.Errorf("tampered address %s: %d\n%s", bad, resp.StatusCode, page)
		}
	}
}

func TestPagesThroughRenderer(t *testing.T) {
	var got []auth.Page
	e := newEnv(t)
	engine := gin.New() // replaces the harness's engine, with the hooks

	engine.Use(func(c *gin.Context) {
		auth.SetPageRenderer(c, func(c *gin.Context, p auth.Page) {
			got = append(got, p)
			c.String(p.Status, "rendered "+p.Title)
		})
		auth.SetFormKeeper(c, func(c *gin.Context) string { return "/clients/form" })
		c.Next()
	})
	svc := e.sites["/clients"].svc
	svc.Routes(engine)
	engine.POST("/clients/save", svc.Pages(), func(c *gin.Context) { c.String(http.StatusOK, "saved") })
	e.srv.Config.Handler = engine
	b := e.browser()
	loc := b.expectRedirect(b.signIn("/clients", erin, ""))
	resp := b.get(loc)
	if page := body(t, resp); resp.StatusCode != http.StatusForbidden || page != "rendered auth.no_contact.title" {
		t.Errorf("problem page: %d %q", resp.StatusCode, page)
	}
	if len(got) != 1 || got[0].Message != "auth.no_contact.detail" || got[0].Next != "auth.no_contact.next" ||
		len(got[0].Args) != 2 || got[0].Args[1] != "erin@example.com" || got[0].Retry != "" || got[0].ProviderSignOut == "" {
		t.Errorf("rendered %+v", got)
	}
	resp = b.post(e.url("/clients/save"), url.Values{"city": {"Wellington"}}, nil)
	if loc := b.expectRedirect(resp); !strings.HasSuffix(loc, "/auth/login?next="+url.QueryEscape("/clients/form")) {
		t.Errorf("a form posted without a session goes to %q", loc)
	}
}

func TestPageTemplateIsTranslated(t *testing.T) {
	raw, err := os.ReadFile("templates/page.html")
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.New("page.html").Parse(string(raw)))
	if text := i18ntest.Untranslated(tmpl); len(text) > 0 {
		t.Errorf("untranslated text in auth/templates/page.html: %q", text)
	}
}
