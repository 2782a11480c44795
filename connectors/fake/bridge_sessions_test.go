package fake

import (
	"testing"

	"clientgate/connectors/bridge"
	"clientgate/connectors/bridge/bridgetest"
)

func TestBridgeSessionStore(t *testing.T) {
	bridgetest.RunSessions(t, func(*testing.T) bridge.SessionStore { return NewBridge() })
}

func TestBridgeStaffStore(t *testing.T) {
	bridgetest.RunStaff(t, func(*testing.T) bridgetest.StaffStore { return NewBridge() })
}
