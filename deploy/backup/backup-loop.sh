#!/usr/bin/env bash
# The backup container's loop: create the stanza once, a full backup at start when none exists, then one
# full backup a day at BACKUP_HOUR_UTC; retention (pgbackrest.conf) expires old backups and their WAL.
#   backup-loop.sh --check   exit 1 when the newest backup is older than 26 hours (the health check)
set -euo pipefail
stanza=quiz
max_age=$((26 * 3600))

newest() { pgbackrest --stanza=$stanza --output=json info | grep -o '"stop":[0-9]*' | cut -d: -f2 | sort -n | tail -n1; }

if [[ "${1:-}" == "--check" ]]; then
  stop=$(newest || true)
  [[ -n "$stop" ]] && (( $(date +%s) - stop < max_age ))
  exit
fi

until pg_isready -q -h /var/run/postgresql; do sleep 2; done
pgbackrest --stanza=$stanza stanza-create
pgbackrest --stanza=$stanza check
[[ -n "$(newest || true)" ]] || pgbackrest --stanza=$stanza --type=full backup

while true; do
  now=$(date -u +%s)
  next=$(date -u -d "today ${BACKUP_HOUR_UTC:-2}:00" +%s)
  (( next > now )) || next=$(date -u -d "tomorrow ${BACKUP_HOUR_UTC:-2}:00" +%s)
  sleep $((next - now))
  pgbackrest --stanza=$stanza --type=full backup || echo "backup failed; the health check turns unhealthy after 26 hours" >&2
done
