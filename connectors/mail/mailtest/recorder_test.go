package mailtest_test

import (
	"testing"

	"clientgate/connectors/mail/mailtest"
)

func TestRecorderPassesRunSender(t *testing.T) {
	r := mailtest.NewRecorder("portal@example.test")
	mailtest.RunSender(t, r, r, "portal@example.test")
}
