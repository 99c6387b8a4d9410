#!/usr/bin/env bash
# Quiz — the two commands of the README.
#   ./quiz.sh run    the whole system (Aspire dashboard, migrator, bot, worker, admin)
#   ./quiz.sh test   every test suite against real PostgreSQL, Redis and Chromium
set -euo pipefail
cd "$(dirname "$0")"

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

case "${1:-}" in
  run)
    if [[ "${QUIZ_USE_DOCKER:-auto}" != "0" ]] && command -v docker >/dev/null && docker info >/dev/null 2>&1; then
      echo "Docker found: the app model starts PostgreSQL and Redis as containers."
    else
      eval "$(scripts/services.sh)"
      echo "No Docker engine: using PostgreSQL and Redis from the distribution."
    fi
    exec dotnet run --project Quiz.AppHost --launch-profile http
    ;;
  test)
    eval "$(scripts/services.sh --for-tests)"
    exec scripts/test.sh "${@:2}"
    ;;
  *)
    echo "usage: ./quiz.sh run | test" >&2
    exit 2
    ;;
esac
