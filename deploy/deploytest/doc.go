// Package deploytest holds only tests: they check the Dockerfile and the
// Kubernetes and Prometheus assets under deploy/ as an operator would use
// them. The manifests are decoded strictly into the Kubernetes API types;
// the Dockerfile is read with BuildKit's own parser; the container's
// command line is composed from the image's ENTRYPOINT and CMD and the
// manifests' command and args (Kubernetes' rules) and run, with the
// manifests' environment, against a real PostgreSQL and the development
// OpenID provider until /readyz answers; the alert rules go through
// promtool. Its dependencies (k8s.io/api, BuildKit's parser) are compiled
// for these tests only.
package deploytest
