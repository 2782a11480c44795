package deploytest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// commandLine composes what a container runs, by Kubernetes' rules:
// command replaces the image's ENTRYPOINT (and then the image's CMD is
// dropped), args replaces its CMD.
func commandLine(entrypoint, cmd []string, c corev1.Container) []string {
	argv := entrypoint
	args := cmd
	if len(c.Command) > 0 {
		argv, args = c.Command, nil
	}
	if len(c.Args) > 0 {
		args = c.Args
	}
	return append(slices.Clone(argv), args...)
}

func TestCommandLine(t *testing.T) {
	for _, tt := range []struct {
		entrypoint, cmd, command, args, want []string
	}{
		{[]string{"cg"}, []string{"serve"}, nil, nil, []string{"cg", "serve"}},
		{[]string{"cg"}, []string{"serve"}, nil, []string{"serve"}, []string{"cg", "serve"}},
		{[]string{"cg"}, []string{"serve"}, nil, []string{"check-config"}, []string{"cg", "check-config"}},
		{[]string{"cg"}, []string{"serve"}, []string{"/bin/x"}, nil, []string{"/bin/x"}},
		{[]string{"cg"}, []string{"serve"}, []string{"/bin/x"}, []string{"a"}, []string{"/bin/x", "a"}},
		// The crash loop of issue 12: ENTRYPOINT [clientgate serve] with args [serve].
		{[]string{"cg", "serve"}, nil, nil, []string{"serve"}, []string{"cg", "serve", "serve"}},
	} {
		got := commandLine(tt.entrypoint, tt.cmd, corev1.Container{Command: tt.command, Args: tt.args})
		if !slices.Equal(got, tt.want) {
			t.Errorf("commandLine(%v, %v, %v, %v) = %v, want %v", tt.entrypoint, tt.cmd, tt.command, tt.args, got, tt.want)
		}
	}
}

// serviceLinks returns the variables Kubernetes injects for each Service
// of the namespace when enableServiceLinks is not false (the addresses are
// made up; only the names matter).
func serviceLinks(services []corev1.Service) map[string]string {
	out := map[string]string{}
	for _, s := range services {
		prefix := strings.ToUpper(strings.ReplaceAll(s.Name, "-", "_"))
		for i, p := range s.Spec.Ports {
			addr := fmt.Sprintf("10.96.0.%d", i+10)
			if i == 0 {
				out[prefix+"_SERVICE_HOST"] = addr
				out[prefix+"_SERVICE_PORT"] = fmt.Sprint(p.Port)
				out[prefix+"_PORT"] = fmt.Sprintf("tcp://%s:%d", addr, p.Port)
			}
			key := fmt.Sprintf("%s_PORT_%d_TCP", prefix, p.Port)
			out[key] = fmt.Sprintf("tcp://%s:%d", addr, p.Port)
			out[key+"_PROTO"], out[key+"_PORT"], out[key+"_ADDR"] = "tcp", fmt.Sprint(p.Port), addr
		}
	}
	return out
}
