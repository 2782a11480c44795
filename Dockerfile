# syntax=docker/dockerfile:1
# Build: docker build --build-arg VERSION=v1.0.0 --build-arg REVISION=$(git rev-parse HEAD) -t clientgate .
# Run:   docker run -p 8080:8080 -e CLIENTGATE_AUTH_ISSUER=... clientgate              (runs `clientgate serve`)
#        docker run -v ./clientgate.yaml:/etc/clientgate.yaml:ro clientgate serve --config /etc/clientgate.yaml
#        docker run clientgate check-config                 (any other subcommand: the arguments replace CMD)
# Base images are pinned by version; pin them by digest too (FROM image:tag@sha256:...) where your build
# system resolves and updates digests. A test (deploy/deploytest) checks the pins, the labels and that the
# ENTRYPOINT and CMD, with the Kubernetes manifests' args, make a command line that starts.

FROM docker.io/library/golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=devel
ARG REVISION=unknown
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags "-s -w -X main.version=${VERSION} -X main.revision=${REVISION}" \
      -o /out/clientgate ./cmd/clientgate \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
ARG VERSION=devel
ARG REVISION=unknown
ARG SOURCE=https://github.com/example/clientgate
LABEL org.opencontainers.image.title="clientgate" \
      org.opencontainers.image.description="A client portal in front of a company's CRM" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}"
COPY --from=build /out/clientgate /usr/local/bin/clientgate
# The default SQLite database lives in /data; mount a volume there.
COPY --from=build --chown=nonroot:nonroot /out/data /data
ENV CLIENTGATE_DATA_DIR=/data \
    CLIENTGATE_LISTEN_ADDR=0.0.0.0:8080 \
    CLIENTGATE_METRICS_ADDR=0.0.0.0:9090
VOLUME ["/data"]
USER nonroot:nonroot
EXPOSE 8080 9090
ENTRYPOINT ["/usr/local/bin/clientgate"]
CMD ["serve"]
