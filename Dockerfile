# syntax=docker/dockerfile:1
# Tiger Emulator: the Tiger Cloud REST API, offline. Build: docker build -t tiger-emulator .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
# Published for the runtime image's platform (Alpine, so musl), which compiles it ahead of time (ReadyToRun, see the
# csproj): the process answers its first request sooner than when every method waits for the JIT.
RUN case "$TARGETARCH" in arm64) echo linux-musl-arm64 ;; *) echo linux-musl-x64 ;; esac > /tmp/rid
# Restore first, from the project files alone, so that the layer is cached until a package changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/TigerEmulator/TigerEmulator.csproj src/TigerEmulator/
RUN dotnet restore src/TigerEmulator/TigerEmulator.csproj -r "$(cat /tmp/rid)"
COPY openapi.yml ./
COPY scenarios/ scenarios/
COPY src/ src/
RUN dotnet publish src/TigerEmulator/TigerEmulator.csproj -c Release -r "$(cat /tmp/rid)" --self-contained false -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine AS runtime
LABEL org.opencontainers.image.title="tiger-emulator" \
      org.opencontainers.image.description="Self-hosted emulator of the Tiger Cloud REST API for offline, deterministic client tests" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="https://github.com/tiger-emulator/tiger-emulator"
WORKDIR /app
# A real PostgreSQL server behind every service (Alpine packages no TimescaleDB for it, so services are plain
# PostgreSQL), and PgBouncer for the services' connection poolers; the emulator runs them as its own unprivileged user.
RUN apk add --no-cache postgresql16 postgresql16-client pgbouncer
COPY --from=build /app ./
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
# --port (or TIGER_EMULATOR_PORT) given to the image must be reachable from outside the container too.
# Inside the container the servers listen on every interface, so that published ports reach them.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    TIGER_EMULATOR_HOST="+" \
    DOTNET_gcServer=0 \
    TIGER_EMULATOR_DATA_DIR="" \
    TIGER_EMULATOR_DATABASE_LISTEN=0.0.0.0 \
    TIGER_EMULATOR_DATABASE_PORTS=15432-15999
EXPOSE 8080 15432-15999
USER $APP_UID
HEALTHCHECK --interval=5s --timeout=3s --start-period=5s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1:8080/_emulator/health || exit 1
ENTRYPOINT ["dotnet", "TigerEmulator.dll"]
