package portal

import (
	"github.com/gin-gonic/gin"
)

// fileRoutes registers the files module's page routes (/clients/files)
// or API routes (/api/v1/files), when the portal has a library. The
// upload routes take bodies up to files.max_size.
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
	f.GET("/:id", s.fileDownload)
	f.POST("", upload)
	s.uploads[f.BasePath()] = s.files.Limits().MaxSize + uploadSlack
}
