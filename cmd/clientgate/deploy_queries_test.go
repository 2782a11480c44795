package main

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"gopkg.in/yaml.v3"
)

// deployQueries returns every PromQL expression of the alert rules and
// the dashboard, named by where it is.
func deployQueries(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	var rules struct {
		Groups []struct {
			Rules []struct{ Alert, Expr string }
		}
	}
	b, err := os.ReadFile("../../deploy/prometheus/alerts.yaml")
	if err != nil || yaml.Unmarshal(b, &rules) != nil {
		t.Fatalf("alerts.yaml: %v", err)
	}
	for _, g := range rules.Groups {
		for _, r := range g.Rules {
			out["alert "+r.Alert] = r.Expr
		}
	}
	var dash struct {
		Panels []struct {
			Title   string
			Targets []struct{ Expr string }
		}
	}
	b, err = os.ReadFile("../../deploy/grafana/clientgate.json")
	if err != nil || json.Unmarshal(b, &dash) != nil {
		t.Fatalf("clientgate.json: %v", err)
	}
	for _, p := range dash.Panels {
		for i, tg := range p.Targets {
			out["panel "+p.Title+" #"+string(rune('A'+i))] = tg.Expr
		}
	}
	return out
}

var (
	// selectorRE finds a metric name of clientgate's own exposition and its
	// label matchers.
	selectorRE = regexp.MustCompile(`\b((?:clientgate|go|process)_[a-z_]+)(\{([^}]*)\})?`)
	matcherRE  = regexp.MustCompile(`([a-z_]+)\s*(=~|!~|!=|=)\s*"([^"]*)"`)
	byRE       = regexp.MustCompile(`\bby\s*\(([^)]*)\)`)
)

// scrapeLabels are added by Prometheus when it scrapes, not by clientgate.
var scrapeLabels = []string{"job", "namespace", "instance", "pod"}

// checkDeployQueries checks every alert and dashboard query against a real
// scrape of the binary: each metric exists, each label a matcher or a
// by() names exists on it, and each value an equality or an alternation of
// literals selects exists (so an alert on outcome="backend_auth" has its
// series from the start, at zero).
func checkDeployQueries(t *testing.T, scrape string) {
	t.Helper()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(scrape))
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	for where, expr := range deployQueries(t) {
		var labels []string
		for _, m := range selectorRE.FindAllStringSubmatch(expr, -1) {
			mf := family(families, m[1])
			if mf == nil {
				t.Errorf("%s: %s is not exported by clientgate", where, m[1])
				continue
			}
			labels = append(labels, labelNames(mf)...)
			for _, mm := range matcherRE.FindAllStringSubmatch(m[3], -1) {
				checkMatcher(t, where, mf, mm[1], mm[2], mm[3])
			}
		}
		for _, by := range byRE.FindAllStringSubmatch(expr, -1) {
			for _, l := range strings.Split(by[1], ",") {
				if l = strings.TrimSpace(l); !slices.Contains(scrapeLabels, l) && !slices.Contains(labels, l) {
					t.Errorf("%s: by (%s): no metric of the query has the label %s", where, by[1], l)
				}
			}
		}
	}
}

// family finds a metric family by name, also as the _bucket, _count or
// _sum series of a histogram or summary.
func family(families map[string]*dto.MetricFamily, name string) *dto.MetricFamily {
	if mf, ok := families[name]; ok {
		return mf
	}
	for _, suffix := range []string{"_bucket", "_count", "_sum"} {
		if mf, ok := families[strings.TrimSuffix(name, suffix)]; ok && strings.HasSuffix(name, suffix) {
			return mf
		}
	}
	return nil
}

func labelNames(mf *dto.MetricFamily) []string {
	names := []string{}
	if mf.GetType() == dto.MetricType_HISTOGRAM {
		names = append(names, model.BucketLabel)
	}
	if mf.GetType() == dto.MetricType_SUMMARY {
		names = append(names, model.QuantileLabel)
	}
	for _, m := range mf.GetMetric() {
		for _, l := range m.GetLabel() {
			if !slices.Contains(names, l.GetName()) {
				names = append(names, l.GetName())
			}
		}
	}
	return names
}

// labelValues returns every value of label name in mf ("quantile" of a
// summary included).
func labelValues(mf *dto.MetricFamily, name string) []string {
	var vals []string
	for _, m := range mf.GetMetric() {
		for _, l := range m.GetLabel() {
			if l.GetName() == name {
				vals = append(vals, l.GetValue())
			}
		}
		if name == model.QuantileLabel {
			for _, q := range m.GetSummary().GetQuantile() {
				vals = append(vals, strconv.FormatFloat(q.GetQuantile(), 'g', -1, 64))
			}
		}
	}
	return vals
}

// checkMatcher checks one label matcher of a query against mf.
func checkMatcher(t *testing.T, where string, mf *dto.MetricFamily, label, op, value string) {
	t.Helper()
	if slices.Contains(scrapeLabels, label) {
		return
	}
	if !slices.Contains(labelNames(mf), label) {
		t.Errorf("%s: %s has no label %s", where, mf.GetName(), label)
		return
	}
	if op != "=" && op != "=~" {
		return
	}
	have := labelValues(mf, label)
	for _, alt := range strings.Split(value, "|") {
		if regexp.QuoteMeta(alt) != alt {
			continue // a pattern, not a literal
		}
		if !slices.Contains(have, alt) {
			t.Errorf("%s: %s{%s%s%q}: no series has %s=%q (it must exist from the start, at zero)", where, mf.GetName(), label, op, value, label, alt)
		}
	}
}
