#!/usr/bin/env bash
# The backup container's loop: create the stanza once, a full backup at start when none exists, then one
# full backup a day at BACKUP_HOUR_UTC; retention (pgbackrest.conf) expires old backups and their WAL.
#   backup-loop.sh --check   exit 1 when the newest backup is older than 26 hours (the health check)
#   backup-loop.sh --record  write every backup of the repository into the table backup_runs (once each), where the
#                            worker reads the newest for quiz_backup_last_success_timestamp_seconds (the alert)
set -euo pipefail
stanza=quiz
max_age=$((26 * 3600))
# The database's superuser over the shared socket, as pgBackRest itself connects (pgbackrest.conf).
export PGHOST="${PGHOST:-/var/run/postgresql}" PGUSER="${PGUSER:-quiz}" PGDATABASE="${PGDATABASE:-quizdb}"

newest() { pgbackrest --stanza=$stanza --output=json info | grep -o '"stop":[0-9]*' | cut -d: -f2 | sort -n | tail -n1; }

record() {
  local info
  info=$(pgbackrest --stanza=$stanza --output=json info)
  psql -X -q -v ON_ERROR_STOP=1 -v info="$info" <<'SQL'
INSERT INTO backup_runs (label, kind, started_at, finished_at)
SELECT b->>'label', b->>'type', to_timestamp((b->'timestamp'->>'start')::bigint), to_timestamp((b->'timestamp'->>'stop')::bigint)
FROM jsonb_array_elements(:'info'::jsonb) AS s, jsonb_array_elements(s->'backup') AS b
ON CONFLICT (label) DO NOTHING;
SQL
}

if [[ "${1:-}" == "--record" ]]; then
  record
  exit
fi

if [[ "${1:-}" == "--check" ]]; then
  stop=$(newest || true)
  [[ -n "$stop" ]] && (( $(date +%s) - stop < max_age ))
  exit
fi

until pg_isready -q -h /var/run/postgresql; do sleep 2; done
pgbackrest --stanza=$stanza stanza-create
pgbackrest --stanza=$stanza check
[[ -n "$(newest || true)" ]] || pgbackrest --stanza=$stanza --type=full backup
# On a first start the migrator may not have made the table yet: try for ten minutes (the next backup records it too).
for _ in $(seq 60); do record && break; echo "backup not recorded yet (table backup_runs missing?)" >&2; sleep 10; done

while true; do
  now=$(date -u +%s)
  next=$(date -u -d "today ${BACKUP_HOUR_UTC:-2}:00" +%s)
  (( next > now )) || next=$(date -u -d "tomorrow ${BACKUP_HOUR_UTC:-2}:00" +%s)
  sleep $((next - now))
  if pgbackrest --stanza=$stanza --type=full backup; then
    record || echo "backup not recorded; the alert QuizBackupTooOld fires after 26 hours" >&2
  else
    echo "backup failed; the health check turns unhealthy and the alert QuizBackupTooOld fires after 26 hours" >&2
  fi
done
