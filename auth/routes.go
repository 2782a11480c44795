package auth

import "github.com/gin-gonic/gin"

// Routes registers GET /auth/login, GET /auth/callback, POST
// /auth/logout, POST /auth/backchannel-logout and GET /auth/problem (a
// failed sign-in's page) on r, which must be mounted at Options.RoutePrefix (the
// root by default).
func (s *Service) Routes(r gin.IRouter) {
	r.GET("/auth/login", s.login)
	r.GET("/auth/callback", s.callback)
	r.POST("/auth/logout", s.logout)
	r.GET(problemPath, s.problemPage)
	r.POST("/auth/backchannel-logout", s.backChannelLogout)
}
