package portal

import (
	"github.com/gin-gonic/gin"
)

// formJSON is a form in the API, with its fields.
type formJSON struct {
	Key       string          `json:"key"`
	Title     string          `json:"title"`
	Intro     string          `json:"intro"`
	Fields    []formFieldJSON `json:"fields"`
	SubmitURL string          `json:"submit_url"`
}

// formFieldJSON is one question of a form in the API.
type formFieldJSON struct {
	Name     string   `json:"name"`
	Label    string   `json:"label"`
	Type     string   `json:"type"`
	Required bool     `json:"required"`
	Options  []string `json:"options"`
	Help     string   `json:"help"`
}

// formOf converts a form for the API.
func formOf(f Form) formJSON {
	out := formJSON{Key: f.Key, Title: f.Title, Intro: f.Intro, Fields: []formFieldJSON{}, SubmitURL: "/api/v1/forms/" + f.Key}
	for _, fd := range f.Fields {
		opts := fd.Options
		if opts == nil {
			opts = []string{}
		}
		out.Fields = append(out.Fields, formFieldJSON{Name: fd.Name, Label: fd.Label, Type: string(fd.Type),
			Required: fd.Required, Options: opts, Help: fd.Help})
	}
	return out
}

// formsAPI answers GET /api/v1/forms with every form.
func (s *server) formsAPI(c *gin.Context) {
	out := listJSON[formJSON]{Items: []formJSON{}}
	for _, f := range s.forms {
		out.Items = append(out.Items, formOf(f))
	}
	s.respond(c, view{JSON: out})
}

// submitFormAPI answers POST /api/v1/forms/{key} (answers as JSON, or
// multipart with the files of the file fields) with the new ticket and
// its first post.
func (s *server) submitFormAPI(c *gin.Context) {
	form, err := s.urlForm(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	t, _, err := s.submitForm(c, form)
	if err != nil {
		s.failPost(c, err)
		return
	}
	s.respondTicket(c, created, t)
}

// formRoutes registers the forms module's pages (api false) or API.
func (s *server) formRoutes(g *gin.RouterGroup, api bool) {
	f := g.Group("/forms", s.requireModule(modForms))
	if api {
		f.GET("", s.formsAPI)
		f.POST("/:key", s.submitFormAPI)
	} else {
		f.GET("", s.formsPage)
		f.GET("/:key", s.showFormPage)
		f.POST("/:key", s.submitFormPage)
	}
	s.allowUploads(f.BasePath() + "/:key")
}
