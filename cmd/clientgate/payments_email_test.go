package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/fake"
	"clientgate/connectors/mail"
	"clientgate/connectors/payments/staffnote"
	"clientgate/connectors/sqlstore"
	"clientgate/connectors/sqlstore/sqlstoretest"
)

// keyedSender records what the notifier queues, by outbox key.
type keyedSender struct {
	mu   sync.Mutex
	keys []string
	msgs []mail.Message
}

func (s *keyedSender) Send(_ context.Context, key string, m mail.Message) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.keys = append(s.keys, key)
	s.msgs = append(s.msgs, m)
	return true, nil
}

func TestPaymentNoticesAreEmailedToStaff(t *testing.T) {
	store, err := sqlstore.Open(context.Background(), sqlstoretest.SQLiteDSN(t), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	for _, tt := range []struct {
		lang, subject, todo string
	}{
		{"en", "Invoice INV-7 was paid online: mark it paid in the CRM", "cannot mark invoices paid"},
		{"de", "Rechnung INV-7 wurde online bezahlt: bitte im CRM als bezahlt markieren", "als bezahlt markieren"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			cfg := config.Default()
			cfg.PublicURL, cfg.Portal.DefaultLanguage = "https://portal.example.test", tt.lang
			cfg.Email.StaffTo = []string{"accounts@example.test"}
			sent := &keyedSender{}
			n, err := newNotifier(cfg, sent, fake.New(), store, nil, slog.New(slog.NewJSONHandler(io.Discard, nil)))
			if err != nil {
				t.Fatal(err)
			}
			notifiers, err := staffNotifiers(cfg, n)
			if err != nil || len(notifiers) != 1 {
				t.Fatalf("staffNotifiers = %v, %v; want the email notifier", notifiers, err)
			}
			note := staffnote.Notice{ID: "settle/pay_1", Kind: staffnote.KindSettle, Provider: "stripe", InvoiceID: "i7",
				InvoiceNumber: "INV-7", ContactID: "c1", Amount: connectors.Money{Minor: 12345, Currency: "EUR"},
				Reference: "stripe:pi_1", ProviderPayment: "pi_1", Detail: "recorded as a transaction"}
			for range 2 {
				if err := notifiers[0].Notify(context.Background(), note); err != nil {
					t.Fatal(err)
				}
			}
			if len(sent.msgs) != 2 || sent.keys[0] != sent.keys[1] || !strings.HasPrefix(sent.keys[0], "payments.notice/settle/pay_1/") {
				t.Fatalf("keys %v: a notice delivered again must keep its outbox key", sent.keys)
			}
			m := sent.msgs[0]
			if len(m.To) != 1 || m.To[0] != "accounts@example.test" || m.Subject != tt.subject {
				t.Errorf("email to %v, subject %q", m.To, m.Subject)
			}
			for _, want := range []string{tt.todo, "INV-7", "123.45", "pi_1", "stripe:pi_1", "recorded as a transaction"} {
				if !strings.Contains(m.Text, want) {
					t.Errorf("text lacks %q:\n%s", want, m.Text)
				}
			}
		})
	}
}

func TestPaymentNoticesWithoutEmail(t *testing.T) {
	cfg := config.Default()
	if n, err := staffNotifiers(cfg, nil); err != nil || len(n) != 0 {
		t.Errorf("email off: notifiers %v, %v", n, err)
	}
}

func TestEveryNoticeKindHasAnEmail(t *testing.T) {
	cfg := config.Default()
	cfg.PublicURL = "https://portal.example.test"
	store, err := sqlstore.Open(context.Background(), sqlstoretest.SQLiteDSN(t), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	for _, lang := range cfg.Portal.Languages {
		cfg.Portal.DefaultLanguage = lang
		sent := &keyedSender{}
		n, err := newNotifier(cfg, sent, fake.New(), store, nil, slog.New(slog.NewJSONHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		kinds := []staffnote.Kind{staffnote.KindSettle, staffnote.KindRecordByHand, staffnote.KindRefundByHand,
			staffnote.KindPaymentRefused, staffnote.KindRefundRefused, staffnote.KindDiscrepancy, staffnote.KindDispute}
		for _, k := range kinds {
			err := paymentStaffEmail{n: n, to: []string{"a@example.test"}}.Notify(context.Background(),
				staffnote.Notice{ID: string(k), Kind: k, InvoiceNumber: "INV-9"})
			if err != nil {
				t.Fatal(err)
			}
		}
		for i, m := range sent.msgs {
			if strings.Contains(m.Subject, "paystaff.") || strings.Contains(m.Text, "paystaff.") || !strings.Contains(m.Subject, "INV-9") {
				t.Errorf("%s %s: untranslated or incomplete email: %q\n%s", lang, kinds[i], m.Subject, m.Text)
			}
		}
	}
}
