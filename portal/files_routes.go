package portal

import (
	"github.com/gin-gonic/gin"
)

// allowPostUploads lets the routes that make posts take attachments: a
// ticket's creation and replies (tk is the tickets' group) and the
// messages of invoices, quotes and tasks under prefix.
func (s *server) allowPostUploads(tk *gin.RouterGroup, prefix string) {
	s.allowUploads(tk.BasePath())
	s.allowUploads(tk.BasePath() + "/:id/replies")
	for _, items := range []string{"/invoices", "/quotes", "/tasks"} {
		s.allowUploads(prefix + items + "/:id/messages")
	}
}

// fileRoutes registers the files module's page routes (/clients/files)
// or API routes (/api/v1/files), when the portal has a library. The
// upload routes take bodies up to files.max_size. Downloads serve the
// library's files and the attachments of the viewer's threads.
func (s *server) fileRoutes(g *gin.RouterGroup, api bool) {
	if s.files == nil {
		return
	}
	f := g.Group("/files", s.requireModule(modFiles))
	upload := s.filesUpload
	if api {
		f.GET("", s.filesAPI)
		upload = s.filesUploadAPI
	} else {
		f.GET("", s.filesPage)
	}
	g.GET("/files/:id", s.fileDownload) // attachments too: the handler checks the module
	f.POST("", upload)
	s.uploads[f.BasePath()] = s.files.Limits().MaxSize + uploadSlack
}

// allowUploads lets multipart requests to the route at path carry up to
// maxFilesPerRequest files of files.max_size (when there is a library).
func (s *server) allowUploads(path string) {
	if s.files != nil {
		s.uploads[path] = maxFilesPerRequest*s.files.Limits().MaxSize + uploadSlack
	}
}
