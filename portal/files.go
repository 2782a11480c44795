package portal

import (
	"context"
	"path"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// newFilesWindow is how long a file shared with a contact counts as new
// (on the dashboard and with a badge in the list) while they have not
// downloaded it: new means "not downloaded by you yet", and only recent
// files, so that an old file someone never opened does not stay "new".
const newFilesWindow = 30 * 24 * time.Hour

// fileAccess is whose files the viewer may see: their own, and their
// company's when they may see company items (the same rule as for
// invoices and quotes).
func fileAccess(v *viewer) files.Access {
	a := files.Access{ContactID: v.p.ContactID}
	if v.scope.WithCompany {
		a.CompanyID = v.contact.CompanyID
	}
	return a
}

// fileView is a file as the list page shows it.
type fileView struct {
	files.File
	// Label is the short type shown, such as "PDF" or "DOCX".
	Label string
	// New is set for a file shared with the viewer recently that they
	// have not downloaded; Mine for a file they uploaded; Company for
	// their company's.
	New, Mine, Company bool
}

// viewFile describes f for the viewer.
func (s *server) viewFile(v *viewer, f files.File) fileView {
	mine := f.Uploader.Kind == files.ByContact && f.Uploader.ID == v.p.ContactID
	return fileView{File: f, Label: fileLabel(f.Name), Mine: mine, Company: f.Owner.Kind == files.OwnerCompany,
		New: !mine && !f.Downloaded && s.now().Sub(f.CreatedAt) < newFilesWindow}
}

// fileLabel is a file's type as its name's extension says it, upper-case.
func fileLabel(name string) string {
	return strings.ToUpper(strings.TrimPrefix(path.Ext(name), "."))
}

// listFiles loads one page of the viewer's files, with a sealed cursor.
func (s *server) listFiles(c *gin.Context) (connectors.Page[files.File], error) {
	a := fileAccess(viewerOf(c))
	return listPage(s, c, "files", func(ctx context.Context, _ connectors.Scope, p connectors.PageRequest) (connectors.Page[files.File], error) {
		return s.files.List(ctx, a, p)
	})
}

// fileJSON is a file in the API.
type fileJSON struct {
	ID            string    `json:"id"`
	Name          string    `json:"name"`
	Type          string    `json:"type"`
	Size          int64     `json:"size"`
	SHA256        string    `json:"sha256"`
	CreatedAt     time.Time `json:"created_at"`
	Shared        string    `json:"shared_with"`
	UploadedByYou bool      `json:"uploaded_by_you"`
	Downloaded    bool      `json:"downloaded"`
	New           bool      `json:"new"`
	DownloadURL   string    `json:"download_url"`
}

// fileOut converts a file for the API.
func (s *server) fileOut(v *viewer, f files.File) fileJSON {
	fv := s.viewFile(v, f)
	return fileJSON{ID: f.ID, Name: f.Name, Type: f.Type, Size: f.Size, SHA256: f.SHA256, CreatedAt: f.CreatedAt.UTC(),
		Shared: string(f.Owner.Kind), UploadedByYou: fv.Mine, Downloaded: f.Downloaded, New: fv.New,
		DownloadURL: "/api/v1/files/" + f.ID}
}

// filesAPI answers GET /api/v1/files.
func (s *server) filesAPI(c *gin.Context) {
	page, err := s.listFiles(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	v := viewerOf(c)
	s.respond(c, view{JSON: toList(page, func(f files.File) fileJSON { return s.fileOut(v, f) })})
}

// dashFiles loads the files new to the viewer for the dashboard.
func (s *server) dashFiles(ctx context.Context, v *viewer, d *dashboard) error {
	recent, n, err := s.files.Recent(ctx, fileAccess(v), s.now().Add(-newFilesWindow), dashboardShown)
	if err != nil {
		return err
	}
	d.NewFilesCount = n
	for _, f := range recent {
		d.NewFiles = append(d.NewFiles, s.viewFile(v, f))
	}
	return nil
}
