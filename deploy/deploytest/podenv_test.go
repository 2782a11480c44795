package deploytest

import (
	"crypto/rand"
	"encoding/base64"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// pod is the environment and the mounted secret files a container gets.
type pod struct {
	env map[string]string
	// mounts maps a container path (a secret volume's mountPath) to the
	// directory of this test that holds its files.
	mounts map[string]string
}

// podFor composes the container's environment as Kubernetes would: the
// image's ENV, the service links (unless enableServiceLinks is false),
// envFrom, then env (values, configMap and secret keys, the downward
// API's resourceFieldRef). Secret volumes are written into dir and
// variables pointing into their mountPath are pointed there instead.
// Secret values that are documented placeholders are replaced as the
// secret example's comments say.
func podFor(t *testing.T, img image, m manifests, spec corev1.PodSpec, c corev1.Container, dir string) pod {
	t.Helper()
	p := pod{env: maps.Clone(img.env), mounts: map[string]string{}}
	if spec.EnableServiceLinks == nil || *spec.EnableServiceLinks {
		maps.Copy(p.env, serviceLinks(m.services))
	}
	for _, from := range c.EnvFrom {
		switch {
		case from.ConfigMapRef != nil:
			for k, v := range mustConfigMap(t, m, from.ConfigMapRef.Name).Data {
				p.env[from.Prefix+k] = v
			}
		case from.SecretRef != nil:
			for k, v := range secretData(t, m, from.SecretRef.Name) {
				p.env[from.Prefix+k] = v
			}
		}
	}
	for _, e := range c.Env {
		p.env[e.Name] = envValue(t, m, c, e)
	}
	p.mountSecrets(t, m, spec, c, dir)
	return p
}

func envValue(t *testing.T, m manifests, c corev1.Container, e corev1.EnvVar) string {
	t.Helper()
	switch f := e.ValueFrom; {
	case f == nil:
		return e.Value
	case f.ConfigMapKeyRef != nil:
		return mustConfigMap(t, m, f.ConfigMapKeyRef.Name).Data[f.ConfigMapKeyRef.Key]
	case f.SecretKeyRef != nil:
		return secretData(t, m, f.SecretKeyRef.Name)[f.SecretKeyRef.Key]
	case f.ResourceFieldRef != nil && f.ResourceFieldRef.Resource == "limits.memory":
		divisor := int64(1)
		if !f.ResourceFieldRef.Divisor.IsZero() {
			divisor = f.ResourceFieldRef.Divisor.Value()
		}
		return strconv.FormatInt(c.Resources.Limits.Memory().Value()/divisor, 10)
	}
	t.Fatalf("env %s: a valueFrom these tests do not resolve; add it", e.Name)
	return ""
}

// mountSecrets writes every secret volume the container mounts into dir
// and repoints the variables that name files in it.
func (p *pod) mountSecrets(t *testing.T, m manifests, spec corev1.PodSpec, c corev1.Container, dir string) {
	t.Helper()
	for _, vm := range c.VolumeMounts {
		for _, v := range spec.Volumes {
			if v.Name != vm.Name || v.Secret == nil {
				continue
			}
			host := filepath.Join(dir, v.Name)
			if err := os.MkdirAll(host, 0o700); err != nil {
				t.Fatal(err)
			}
			data := secretData(t, m, v.Secret.SecretName)
			for _, item := range v.Secret.Items {
				value, ok := data[item.Key]
				if !ok {
					t.Fatalf("volume %s: the secret %s has no key %s", v.Name, v.Secret.SecretName, item.Key)
				}
				if err := os.WriteFile(filepath.Join(host, item.Path), []byte(value), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			p.mounts[vm.MountPath] = host
		}
	}
	for k, v := range p.env {
		for mount, host := range p.mounts {
			if strings.HasPrefix(v, mount+"/") {
				p.env[k] = host + strings.TrimPrefix(v, mount)
			}
		}
	}
}

func mustConfigMap(t *testing.T, m manifests, name string) corev1.ConfigMap {
	t.Helper()
	cm, ok := m.configMaps[name]
	if !ok {
		t.Fatalf("no ConfigMap %s in the manifests", name)
	}
	return cm
}

// secretData returns a secret's values with the documented placeholders
// filled in: REPLACE_WITH_OUTPUT_OF_openssl_rand_-base64_32 becomes 32
// random bytes in base64, as `openssl rand -base64 32` would print.
func secretData(t *testing.T, m manifests, name string) map[string]string {
	t.Helper()
	s, ok := m.secrets[name]
	if !ok {
		t.Fatalf("no Secret %s in the manifests", name)
	}
	out := maps.Clone(s.StringData)
	if out == nil {
		out = map[string]string{}
	}
	for k, v := range s.Data {
		out[k] = string(v)
	}
	for k, v := range out {
		if !strings.HasPrefix(v, "REPLACE_WITH") {
			continue
		}
		if !strings.Contains(v, "openssl_rand_-base64_32") {
			t.Fatalf("secret %s key %s: placeholder %q says no way to make its value", name, k, v)
		}
		key := make([]byte, 32)
		rand.Read(key)
		out[k] = base64.StdEncoding.EncodeToString(key)
	}
	return out
}

// environ turns the environment into KEY=value lines.
func (p pod) environ() []string {
	var out []string
	for k, v := range p.env {
		out = append(out, k+"="+v)
	}
	return out
}
