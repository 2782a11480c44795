package sqlstore

import (
	"testing"

	"clientgate/connectors/bridge"
	"clientgate/connectors/bridge/ledgertest"
)

func TestPaymentLedger(t *testing.T) {
	for _, d := range dialects {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			ledgertest.Run(t, func(t *testing.T) bridge.PaymentLedger { return openStore(t, d.dsn(t), Options{}) })
			ledgertest.RunWriteBacks(t, func(t *testing.T) ledgertest.WriteBackLedger { return openStore(t, d.dsn(t), Options{}) })
		})
	}
}
