package deploytest

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// image is what the Dockerfile's final stage makes, as read by BuildKit's
// parser.
type image struct {
	from       []string          // every stage's base image
	env        map[string]string // ENV of the final stage
	labels     map[string]string // LABEL of the final stage, quotes removed
	args       map[string]bool   // ARG names of the final stage
	entrypoint []string          // exec form only
	cmd        []string          // exec form only
	copied     map[string]string // final stage COPY destination → source
}

// readDockerfile parses ../../Dockerfile; ENTRYPOINT and CMD must be in
// exec (JSON) form, the only one whose arguments are exact.
func readDockerfile(t *testing.T) image {
	t.Helper()
	f, err := os.Open("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := parser.Parse(f)
	if err != nil {
		t.Fatalf("Dockerfile: %v", err)
	}
	var img image
	for _, n := range res.AST.Children {
		vals := values(n)
		switch strings.ToUpper(n.Value) {
		case "FROM":
			img.from = append(img.from, vals[0])
			img = image{from: img.from, env: map[string]string{}, labels: map[string]string{}, args: map[string]bool{}, copied: map[string]string{}}
		case "ENV":
			pairs(vals, img.env)
		case "LABEL":
			pairs(vals, img.labels)
		case "ARG":
			name, _, _ := strings.Cut(vals[0], "=")
			img.args[name] = true
		case "COPY":
			img.copied[vals[len(vals)-1]] = vals[0]
		case "ENTRYPOINT", "CMD":
			if !n.Attributes["json"] {
				t.Fatalf("Dockerfile line %d: %s must use the exec form [\"...\"]", n.StartLine, n.Value)
			}
			if strings.EqualFold(n.Value, "ENTRYPOINT") {
				img.entrypoint = vals
			} else {
				img.cmd = vals
			}
		}
	}
	return img
}

func values(n *parser.Node) []string {
	var out []string
	for x := n.Next; x != nil; x = x.Next {
		out = append(out, x.Value)
	}
	return out
}

// pairs reads the parser's key, value, "=" triplets.
func pairs(vals []string, into map[string]string) {
	for i := 0; i+1 < len(vals); i += 3 {
		v := vals[i+1]
		if u, err := strconv.Unquote(v); err == nil {
			v = u
		}
		into[vals[i]] = v
	}
}

func TestDockerfile(t *testing.T) {
	img := readDockerfile(t)
	goVersion := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(mustRead(t, "../../go.mod"))
	for _, from := range img.from {
		if err := pinned(from); err != nil {
			t.Error(err)
		}
		if strings.Contains(from, "/golang:") && !strings.Contains(from, "/golang:"+string(goVersion[1])) {
			t.Errorf("build image %s is not go.mod's Go %s", from, goVersion[1])
		}
	}
	for _, l := range []string{"version", "revision", "source"} {
		v := img.labels["org.opencontainers.image."+l]
		name := strings.Trim(v, "${}")
		if !strings.HasPrefix(v, "${") || !img.args[name] {
			t.Errorf("label org.opencontainers.image.%s = %q, want ${ARG} of a build argument of the final stage", l, v)
		}
	}
	if len(img.entrypoint) == 0 || img.copied[img.entrypoint[0]] != "/out/clientgate" {
		t.Errorf("ENTRYPOINT %q does not start the binary the final stage copies in (%v)", img.entrypoint, img.copied)
	}
}
