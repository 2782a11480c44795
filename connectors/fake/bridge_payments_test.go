package fake

import (
	"testing"

	"clientgate/connectors/bridge"
	"clientgate/connectors/bridge/ledgertest"
)

func TestPaymentLedger(t *testing.T) {
	ledgertest.Run(t, func(*testing.T) bridge.PaymentLedger { return NewBridge() })
	ledgertest.RunWriteBacks(t, func(*testing.T) ledgertest.WriteBackLedger { return NewBridge() })
}
