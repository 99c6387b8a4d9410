#!/usr/bin/env bash
# Installs (if missing) and starts what Quiz needs on a Debian/Ubuntu machine, then prints the
# connection strings as `export` lines:  eval "$(scripts/services.sh [--with-browser])"
#
# Two database roles: `quiz` owns the database and its schema (the migrator, and the tests that
# create databases, connect as it: ConnectionStrings__quizdbowner); `quiz_app` is what the bot, the
# worker and the console connect as (ConnectionStrings__quizdb): the migrator grants it row access
# only, so it cannot drop a trigger, alter, truncate or create a table.
#
# With a working Docker engine (and QUIZ_USE_DOCKER != 0) PostgreSQL and Redis run as containers;
# otherwise they come from the distribution's packages. Idempotent: safe to run again.
set -euo pipefail

# --with-browser: also Chromium (the console's browser tests); --for-tests: Chromium and the deployment tools the
# tests drive (Caddy, pgBackRest, Prometheus' promtool).
WITH_BROWSER=0; WITH_DEPLOY_TOOLS=0
for arg in "$@"; do
  case "$arg" in
    --with-browser) WITH_BROWSER=1 ;;
    --for-tests) WITH_BROWSER=1; WITH_DEPLOY_TOOLS=1 ;;
  esac
done

PG_PORT="${QUIZ_PG_PORT:-5432}"
REDIS_PORT="${QUIZ_REDIS_PORT:-6379}"
MIN_CONNECTIONS=200
log() { echo "services: $*" >&2; }

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  command -v sudo >/dev/null || { log "need root or sudo to install packages"; exit 1; }
  SUDO=(sudo)
fi
as_postgres() { if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

use_docker() {
  [[ "${QUIZ_USE_DOCKER:-auto}" != "0" ]] && command -v docker >/dev/null && docker info >/dev/null 2>&1
}

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  ((${#missing[@]} == 0)) && return 0
  log "installing ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

start_packaged() {
  apt_install postgresql redis-server
  local cluster
  cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
  [[ -n "$cluster" ]] || { log "no PostgreSQL cluster found"; exit 1; }
  # shellcheck disable=SC2086
  pg_lsclusters --no-header | awk 'NR==1 {print $4}' | grep -q online || "${SUDO[@]}" pg_ctlcluster $cluster start >&2
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 1; done
  # The scaled app model runs two bots, two workers, the console and the test itself, each with its own Npgsql pool;
  # the distribution's 100 connections are not enough for that under load (53300). Raised once, with a restart.
  if (( $(as_postgres psql -qtAc "SHOW max_connections") < MIN_CONNECTIONS )); then
    log "raising PostgreSQL max_connections to $MIN_CONNECTIONS (restart)"
    as_postgres psql -qc "ALTER SYSTEM SET max_connections = $MIN_CONNECTIONS" >&2
    # shellcheck disable=SC2086
    "${SUDO[@]}" pg_ctlcluster $cluster restart >&2
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 1; done
  fi
  as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='quiz'" | grep -q 1 \
    || as_postgres psql -qc "CREATE ROLE quiz LOGIN PASSWORD 'quiz' CREATEDB" >&2
  as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='quiz_app'" | grep -q 1 \
    || as_postgres psql -qc "CREATE ROLE quiz_app LOGIN PASSWORD 'quiz_app'" >&2
  as_postgres psql -qtAc "SELECT 1 FROM pg_database WHERE datname='quiz'" | grep -q 1 \
    || as_postgres createdb -O quiz quiz >&2
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 \
    || redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >&2
}

start_containers() {
  docker start quiz-postgres >/dev/null 2>&1 || docker run -d --name quiz-postgres \
    -e POSTGRES_USER=quiz -e POSTGRES_PASSWORD=quiz -e POSTGRES_DB=quiz \
    -p "127.0.0.1:${PG_PORT}:5432" -v quiz-postgres-data:/var/lib/postgresql/data postgres:17 \
    -c max_connections="$MIN_CONNECTIONS" >&2
  docker start quiz-redis >/dev/null 2>&1 || docker run -d --name quiz-redis \
    -p "127.0.0.1:${REDIS_PORT}:6379" redis:7 >&2
  for _ in $(seq 1 60); do docker exec quiz-postgres pg_isready -q -U quiz && break; sleep 1; done
  docker exec quiz-postgres psql -U quiz -d quiz -qtAc "SELECT 1 FROM pg_roles WHERE rolname='quiz_app'" | grep -q 1 \
    || docker exec quiz-postgres psql -U quiz -d quiz -qc "CREATE ROLE quiz_app LOGIN PASSWORD 'quiz_app'" >&2
}

if use_docker; then start_containers; else start_packaged; fi
for _ in $(seq 1 30); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 1; done

if ((WITH_BROWSER)) && [[ -z "${QUIZ_CHROMIUM:-}" ]] && [[ ! -x /usr/bin/chromium ]]; then
  apt_install chromium
fi

if ((WITH_DEPLOY_TOOLS)); then
  apt_install caddy pgbackrest prometheus
fi

echo "export ConnectionStrings__quizdb='Host=127.0.0.1;Port=${PG_PORT};Database=quiz;Username=quiz_app;Password=quiz_app'"
echo "export ConnectionStrings__quizdbowner='Host=127.0.0.1;Port=${PG_PORT};Database=quiz;Username=quiz;Password=quiz'"
echo "export ConnectionStrings__cache='127.0.0.1:${REDIS_PORT}'"
