package sqlstore

import (
	"testing"

	"clientgate/connectors/bridge"
	"clientgate/connectors/bridge/bridgetest"
)

func TestSessionStore(t *testing.T) {
	for _, d := range dialects {
		t.Run(d.name, func(t *testing.T) {
			bridgetest.RunSessions(t, func(t *testing.T) bridge.SessionStore { return openStore(t, d.dsn(t), Options{}) })
		})
	}
}

func TestStaffAndEmailPreferences(t *testing.T) {
	for _, d := range dialects {
		t.Run(d.name, func(t *testing.T) {
			bridgetest.RunStaff(t, func(t *testing.T) bridgetest.StaffStore { return openStore(t, d.dsn(t), Options{}) })
		})
	}
}
