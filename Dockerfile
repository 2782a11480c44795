# syntax=docker/dockerfile:1
# Build: docker build --build-arg VERSION=v1.0.0 -t clientgate .
# Run:   docker run -p 8080:8080 -e CLIENTGATE_LISTEN_ADDR=0.0.0.0:8080 ... clientgate
#        or mount a config: -v ./clientgate.yaml:/etc/clientgate.yaml:ro clientgate --config /etc/clientgate.yaml

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=devel
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags "-s -w -X main.version=${VERSION}" \
      -o /out/clientgate ./cmd/clientgate \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/clientgate /usr/local/bin/clientgate
# The default SQLite database lives in /data; mount a volume there.
COPY --from=build --chown=nonroot:nonroot /out/data /data
ENV CLIENTGATE_DATA_DIR=/data \
    CLIENTGATE_LISTEN_ADDR=0.0.0.0:8080 \
    CLIENTGATE_METRICS_ADDR=0.0.0.0:9090
VOLUME ["/data"]
USER nonroot:nonroot
EXPOSE 8080 9090
ENTRYPOINT ["clientgate", "serve"]
