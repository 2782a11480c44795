package auth

import "github.com/gin-gonic/gin"

// Routes registers GET /auth/login, GET /auth/callback, POST
// /auth/logout and POST /auth/backchannel-logout on r, which must be mounted at Options.RoutePrefix (the
// root by default).
func (s *Service) Routes(r gin.IRouter) {
	r.GET("/auth/login", s.login)
	r.GET("/auth/callback", s.callback)
	r.POST("/auth/logout", s.logout)
	r.POST("/auth/backchannel-logout", s.backChannelLogout)
}
