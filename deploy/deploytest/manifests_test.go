package deploytest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"
)

// kubeDir holds the kustomization applied with kubectl apply -k.
const kubeDir = "../kubernetes"

// manifests is every object of the kustomization, decoded.
type manifests struct {
	deployments  []appsv1.Deployment
	statefulSets []appsv1.StatefulSet
	services     []corev1.Service
	configMaps   map[string]corev1.ConfigMap
	secrets      map[string]corev1.Secret
	other        []string // kinds decoded but not kept
}

// kustomization is the part of a kustomization.yaml these manifests use;
// decoding it strictly refuses any other key.
type kustomization struct {
	APIVersion string   `json:"apiVersion"`
	Kind       string   `json:"kind"`
	Namespace  string   `json:"namespace"`
	Resources  []string `json:"resources"`
	Images     []struct {
		Name    string `json:"name"`
		NewTag  string `json:"newTag,omitempty"`
		Digest  string `json:"digest,omitempty"`
		NewName string `json:"newName,omitempty"`
	} `json:"images"`
}

// readKustomization decodes kustomization.yaml strictly.
func readKustomization(t *testing.T) kustomization {
	t.Helper()
	var k kustomization
	decodeStrict(t, filepath.Join(kubeDir, "kustomization.yaml"), mustRead(t, filepath.Join(kubeDir, "kustomization.yaml")), &k)
	if k.Kind != "Kustomization" || k.Namespace == "" {
		t.Fatalf("kustomization.yaml: kind %q namespace %q", k.Kind, k.Namespace)
	}
	return k
}

// loadManifests decodes every document of every resource strictly into
// its Kubernetes type: an unknown or misspelt field fails.
func loadManifests(t *testing.T) manifests {
	t.Helper()
	m := manifests{configMaps: map[string]corev1.ConfigMap{}, secrets: map[string]corev1.Secret{}}
	for _, res := range readKustomization(t).Resources {
		path := filepath.Join(kubeDir, res)
		for i, doc := range splitDocs(mustRead(t, path)) {
			where := fmt.Sprintf("%s document %d", path, i+1)
			var meta metav1.TypeMeta
			if err := yaml.Unmarshal(doc, &meta); err != nil || meta.Kind == "" {
				t.Fatalf("%s: no kind (%v)", where, err)
			}
			m.decode(t, where, meta, doc)
		}
	}
	return m
}

// decode decodes one document by its apiVersion and kind.
func (m *manifests) decode(t *testing.T, where string, meta metav1.TypeMeta, doc []byte) {
	t.Helper()
	switch meta.APIVersion + " " + meta.Kind {
	case "apps/v1 Deployment":
		var d appsv1.Deployment
		decodeStrict(t, where, doc, &d)
		m.deployments = append(m.deployments, d)
	case "apps/v1 StatefulSet":
		var s appsv1.StatefulSet
		decodeStrict(t, where, doc, &s)
		m.statefulSets = append(m.statefulSets, s)
	case "v1 Service":
		var s corev1.Service
		decodeStrict(t, where, doc, &s)
		m.services = append(m.services, s)
	case "v1 ConfigMap":
		var c corev1.ConfigMap
		decodeStrict(t, where, doc, &c)
		m.configMaps[c.Name] = c
	case "v1 Secret":
		var s corev1.Secret
		decodeStrict(t, where, doc, &s)
		m.secrets[s.Name] = s
	case "v1 Namespace":
		decodeStrict(t, where, doc, &corev1.Namespace{})
		m.other = append(m.other, meta.Kind)
	case "policy/v1 PodDisruptionBudget":
		decodeStrict(t, where, doc, &policyv1.PodDisruptionBudget{})
		m.other = append(m.other, meta.Kind)
	case "networking.k8s.io/v1 NetworkPolicy":
		decodeStrict(t, where, doc, &networkingv1.NetworkPolicy{})
		m.other = append(m.other, meta.Kind)
	default:
		t.Errorf("%s: %s %s is not a kind these tests know; add it", where, meta.APIVersion, meta.Kind)
	}
}

func decodeStrict(t *testing.T, where string, doc []byte, into any) {
	t.Helper()
	if err := yaml.UnmarshalStrict(doc, into); err != nil {
		t.Fatalf("%s: %v", where, err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// splitDocs splits a multi-document YAML file, dropping empty documents.
func splitDocs(b []byte) [][]byte {
	var out [][]byte
	for _, d := range bytes.Split(b, []byte("\n---")) {
		if len(bytes.TrimSpace(stripComments(d))) > 0 {
			out = append(out, d)
		}
	}
	return out
}

func stripComments(b []byte) []byte {
	var keep [][]byte
	for _, l := range bytes.Split(b, []byte("\n")) {
		if !bytes.HasPrefix(bytes.TrimSpace(l), []byte("#")) {
			keep = append(keep, l)
		}
	}
	return bytes.Join(keep, []byte("\n"))
}

func TestKustomizationListsEveryManifest(t *testing.T) {
	k := readKustomization(t)
	files, err := filepath.Glob(filepath.Join(kubeDir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if name := filepath.Base(f); name != "kustomization.yaml" && !slices.Contains(k.Resources, name) {
			t.Errorf("%s is not in kustomization.yaml's resources", name)
		}
	}
	m := loadManifests(t)
	if len(m.deployments) != 1 || len(m.statefulSets) != 1 || len(m.secrets) != 1 || len(m.configMaps) != 1 {
		t.Errorf("decoded %d deployments, %d statefulsets, %d secrets, %d configmaps", len(m.deployments),
			len(m.statefulSets), len(m.secrets), len(m.configMaps))
	}
}

func TestStrictDecodingRefusesUnknownFields(t *testing.T) {
	var d appsv1.Deployment
	doc := []byte("apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      enableServiceLink: false\n")
	if err := yaml.UnmarshalStrict(doc, &d); err == nil || !strings.Contains(err.Error(), "enableServiceLink") {
		t.Errorf("a misspelt field was accepted: %v", err)
	}
}

func TestServiceMonitorDecodesStrictly(t *testing.T) {
	var sm monitoringv1.ServiceMonitor
	path := "../prometheus/servicemonitor.yaml"
	decodeStrict(t, path, mustRead(t, path), &sm)
	m := loadManifests(t)
	svc := m.services[slices.IndexFunc(m.services, func(s corev1.Service) bool { return s.Name == "clientgate" })]
	for k, v := range sm.Spec.Selector.MatchLabels {
		if svc.Labels[k] != v {
			t.Errorf("the ServiceMonitor selects %s=%s, which the clientgate Service does not carry", k, v)
		}
	}
	if len(sm.Spec.Endpoints) != 1 || !slices.ContainsFunc(svc.Spec.Ports, func(p corev1.ServicePort) bool {
		return p.Name == sm.Spec.Endpoints[0].Port
	}) {
		t.Errorf("the ServiceMonitor scrapes port %v, which the Service does not name", sm.Spec.Endpoints)
	}
}
