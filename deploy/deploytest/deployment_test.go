package deploytest

import (
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
)

// clientgateContainer returns the Deployment's clientgate container.
func clientgateContainer(t *testing.T, d appsv1.Deployment) corev1.Container {
	t.Helper()
	for _, c := range d.Spec.Template.Spec.Containers {
		if c.Name == "clientgate" {
			return c
		}
	}
	t.Fatal("the Deployment has no container named clientgate")
	return corev1.Container{}
}

// TestDeploymentOperations checks what issue 12 asked of the Deployment.
func TestDeploymentOperations(t *testing.T) {
	d := loadManifests(t).deployments[0]
	pod := d.Spec.Template.Spec
	c := clientgateContainer(t, d)
	if pod.EnableServiceLinks == nil || *pod.EnableServiceLinks {
		t.Error("enableServiceLinks must be false: the Service named clientgate injects CLIENTGATE_* variables")
	}
	if len(pod.TopologySpreadConstraints) == 0 && (pod.Affinity == nil || pod.Affinity.PodAntiAffinity == nil) {
		t.Error("no topology spread or anti-affinity: replicas may share a node")
	}
	if c.Lifecycle == nil || c.Lifecycle.PreStop == nil || c.Lifecycle.PreStop.Sleep == nil || c.Lifecycle.PreStop.Sleep.Seconds < 3 {
		t.Error("no preStop pause of at least 3s")
	} else if grace := pod.TerminationGracePeriodSeconds; grace == nil || *grace < c.Lifecycle.PreStop.Sleep.Seconds+20 {
		t.Error("terminationGracePeriodSeconds must hold the preStop pause plus the 20s graceful shutdown")
	}
	memlimit := false
	for _, e := range c.Env {
		if e.Name == "GOMEMLIMIT" && e.ValueFrom != nil && e.ValueFrom.ResourceFieldRef != nil &&
			e.ValueFrom.ResourceFieldRef.Resource == "limits.memory" {
			memlimit = true
		}
	}
	if !memlimit || c.Resources.Limits.Memory().IsZero() {
		t.Error("GOMEMLIMIT must come from the container's memory limit (downward API), and the limit must be set")
	}
	if c.ReadinessProbe == nil || c.ReadinessProbe.HTTPGet == nil || c.ReadinessProbe.HTTPGet.Path != "/readyz" ||
		c.LivenessProbe == nil || c.LivenessProbe.HTTPGet == nil || c.LivenessProbe.HTTPGet.Path != "/healthz" {
		t.Error("probes must be /readyz (readiness) and /healthz (liveness)")
	}
}

// TestImagesArePinned: every image is fully qualified and pinned to a
// version or a digest, never latest.
func TestImagesArePinned(t *testing.T) {
	m := loadManifests(t)
	var specs []corev1.PodSpec
	for _, d := range m.deployments {
		specs = append(specs, d.Spec.Template.Spec)
	}
	for _, s := range m.statefulSets {
		specs = append(specs, s.Spec.Template.Spec)
	}
	for _, s := range specs {
		for _, c := range append(s.InitContainers, s.Containers...) {
			if err := pinned(c.Image); err != nil {
				t.Errorf("container %s: %v", c.Name, err)
			}
		}
	}
	for _, img := range readKustomization(t).Images {
		if img.NewTag == "latest" || (img.NewTag == "" && img.Digest == "") {
			t.Errorf("kustomization images: %s must set a version tag or a digest", img.Name)
		}
	}
}

// pinned checks an image reference: a registry host, a tag other than
// latest or a digest.
func pinned(image string) error {
	name, digest, _ := strings.Cut(image, "@")
	slash := strings.Index(name, "/")
	if slash < 0 || !strings.ContainsAny(name[:slash], ".:") {
		return errorf("image %q does not name its registry (docker.io/library/..., ghcr.io/...)", image)
	}
	colon := strings.LastIndex(name, ":")
	tag := ""
	if colon > slash {
		tag = name[colon+1:]
	}
	if digest == "" && (tag == "" || tag == "latest") {
		return errorf("image %q is not pinned to a version", image)
	}
	return nil
}

func TestPinned(t *testing.T) {
	for img, ok := range map[string]bool{
		"docker.io/library/postgres:16.10": true, "ghcr.io/x/y@sha256:abc": true, "gcr.io/distroless/static-debian12:nonroot": true,
		"postgres:16": false, "ghcr.io/x/y:latest": false, "ghcr.io/x/y": false, "localhost:5000/y:1": true,
	} {
		if err := pinned(img); (err == nil) != ok {
			t.Errorf("pinned(%q) = %v, want ok=%v", img, err, ok)
		}
	}
}
