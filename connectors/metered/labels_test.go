package metered_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/connectors"
	"clientgate/connectors/fake"
	"clientgate/connectors/metered"
)

// wantNonZero checks the series of the named counter whose value is not
// zero, written as `{labels} value`.
func wantNonZero(t *testing.T, reg prometheus.Gatherer, name string, want []string) {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, mf := range families {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			if m.GetCounter().GetValue() == 0 {
				continue
			}
			var labels []string
			for _, l := range m.GetLabel() {
				labels = append(labels, fmt.Sprintf("%s=%q", l.GetName(), l.GetValue()))
			}
			got = append(got, fmt.Sprintf("{%s} %g", strings.Join(labels, ","), m.GetCounter().GetValue()))
		}
	}
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s non-zero series:\n%s\nwant:\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestEveryCallSeriesStartsAtZero(t *testing.T) {
	reg := prometheus.NewPedanticRegistry()
	m, err := metered.NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	metered.Wrap(fake.New(), m)
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, mf := range families {
		if mf.GetName() == "clientgate_connector_calls_total" {
			n = len(mf.GetMetric())
		}
	}
	if want := len(metered.Operations()) * len(metered.Outcomes()); n != want {
		t.Errorf("%d call series after Wrap, want %d", n, want)
	}
	for _, err := range []error{nil, connectors.ErrNotFound, connectors.ErrAmbiguous, connectors.ErrInvalid,
		connectors.ErrConflict, connectors.ErrUnsupported, connectors.ErrBackendAuth, connectors.ErrMisconfigured,
		connectors.ErrUnavailable, context.Canceled, context.DeadlineExceeded, errors.New("other")} {
		if o := metered.Outcome(err); !slices.Contains(metered.Outcomes(), o) {
			t.Errorf("Outcome(%v) = %q, not in Outcomes", err, o)
		}
	}
}

// unavailableOnCancel is a connector that, like an HTTP adapter whose
// request was cut, answers ErrUnavailable when its caller goes away.
type unavailableOnCancel struct{ *fake.Connector }

func (u unavailableOnCancel) GetContact(ctx context.Context, id string) (connectors.Contact, error) {
	<-ctx.Done()
	return connectors.Contact{}, fmt.Errorf("%w: connection reset", connectors.ErrUnavailable)
}

func TestCancelledCallerIsNotAProviderError(t *testing.T) {
	reg := prometheus.NewPedanticRegistry()
	m, err := metered.NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	c := metered.Wrap(unavailableOnCancel{fake.New()}, m)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.GetContact(ctx, "x"); err == nil {
		t.Fatal("no error")
	}
	wantNonZero(t, reg, "clientgate_connector_calls_total",
		[]string{`{connector="fake",operation="get_contact",outcome="canceled"} 1`})
}
