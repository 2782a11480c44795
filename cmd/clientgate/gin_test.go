package main

import "github.com/gin-gonic/gin"

// The tests that build a portal in this process keep Gin's route listing
// off their output, as main does for the binary.
func init() { gin.SetMode(gin.TestMode) }
