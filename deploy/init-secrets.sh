#!/usr/bin/env bash
# Creates deploy/secrets/ once: random passwords and keys, the connection strings built from them, and the
# bot token you give (BOT_TOKEN=123:abc ./init-secrets.sh, or asked for). Existing files are never changed —
# rotation is a runbook (docs/runbooks/secret-rotation.md). The directory is readable by its owner only; the
# files are mounted read-only into the containers, whose users are not root.
set -euo pipefail
cd "$(dirname "$0")"
umask 077
mkdir -p secrets
chmod 700 secrets

random() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "${1:-40}"; }

put() { # put NAME VALUE: write once, world-readable file inside the owner-only directory
  local file="secrets/$1"
  if [[ -e "$file" ]]; then echo "kept     $file"; return; fi
  printf '%s' "$2" > "$file"
  chmod 644 "$file"
  echo "created  $file"
}

value() { [[ -e "secrets/$1" ]] && cat "secrets/$1" || random "${2:-40}"; }

postgres=$(value postgres-password)
put postgres-password "$postgres"
put quizdb-owner "Host=postgres;Database=quizdb;Username=quiz;Password=$postgres"
# Each process keeps its own pool: 25 per process leaves room in max_connections (compose: 200) for
# --scale bot=3 --scale worker=2, the console, the migrator, backups and an operator's psql (docs/scaling.md).
put quizdb "Host=postgres;Database=quizdb;Username=quiz_app;Password=$(random 40);Maximum Pool Size=25"

redis=$(sed -n 's/^requirepass //p' secrets/redis.conf 2>/dev/null || true)
redis=${redis:-$(random 40)}
put redis.conf "$(printf 'requirepass %s\nappendonly yes\n' "$redis")"
put cache "redis:6379,password=$redis"

if [[ ! -e secrets/bot-token ]]; then
  token=${BOT_TOKEN:-}
  [[ -n "$token" ]] || read -r -s -p "Bot token from @BotFather (123456:ABC…): " token && echo
  [[ "$token" =~ ^[0-9]+:[A-Za-z0-9_-]+$ ]] || { echo "That is not a bot token." >&2; exit 1; }
  put bot-token "$token"
fi
put webhook-secret "$(random 64)"
put set-secret "$(random 64)"
put admin-api-token "$(random 64)"
put admin-key-ring-key "$(random 64)"
# Empty: the console is a public OIDC client protected by PKCE; write the secret here if the provider issued one.
[[ -e secrets/admin-oidc-client-secret ]] || { : > secrets/admin-oidc-client-secret; chmod 644 secrets/admin-oidc-client-secret; echo "created  secrets/admin-oidc-client-secret (empty)"; }
