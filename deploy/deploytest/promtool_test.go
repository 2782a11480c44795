package deploytest

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// promtool returns the path of promtool; without it the test is skipped,
// or fails when CI is set (.ci/run installs it).
func promtool(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("promtool")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("promtool not found; CI must install it (Debian package prometheus)")
		}
		t.Skip("promtool not found; install Debian's prometheus package to check the alert rules")
	}
	return path
}

// TestAlertRules runs promtool check rules and the rule unit tests of
// alerts_test.yaml (alerts that must fire and alerts that must not).
func TestAlertRules(t *testing.T) {
	bin := promtool(t)
	for _, args := range [][]string{{"check", "rules", "alerts.yaml"}, {"test", "rules", "alerts_test.yaml"}} {
		cmd := exec.Command(bin, args...)
		cmd.Dir = "../prometheus"
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "SUCCESS") {
			t.Errorf("promtool %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// TestScrapeConfigNamesTheJob: the alert rules and the dashboard select
// job="clientgate", the job the plain scrape config defines. (Debian's
// promtool is built without Kubernetes discovery, so it cannot check
// this file itself.)
func TestScrapeConfigNamesTheJob(t *testing.T) {
	var cfg struct {
		ScrapeConfigs []struct {
			JobName string `json:"job_name"`
		} `json:"scrape_configs"`
	}
	if err := yaml.Unmarshal(mustRead(t, "../prometheus/scrape.yaml"), &cfg); err != nil {
		t.Fatal(err)
	}
	if len(cfg.ScrapeConfigs) != 1 || cfg.ScrapeConfigs[0].JobName != "clientgate" {
		t.Errorf("scrape.yaml: jobs %+v, want one named clientgate", cfg.ScrapeConfigs)
	}
}
