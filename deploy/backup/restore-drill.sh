#!/usr/bin/env bash
# Restore drill: restores the newest pgBackRest backup (plus archived WAL, optionally only up to a point in time)
# into a scratch cluster on this machine, starts it, waits until recovery has finished, checks the data with
# verify.sql and removes the scratch cluster again. The live database is never touched.
#
#   restore-drill.sh [--target-time '2026-12-06 08:15:00+00'] [--expect-purchase CHARGE] [--expect-absent CHARGE] [--keep]
#
# Settings (environment): PGBACKREST_CONFIG (/etc/pgbackrest/pgbackrest.conf), STANZA (quiz), PG_BIN (the
# PostgreSQL 15 binaries), DRILL_DIR (scratch parent, /var/tmp), DRILL_PORT (54329), DRILL_DB (quizdb), DRILL_USER (quiz).
# Run it as the PostgreSQL OS user (postgres); as root it switches to that user itself.
# Prints the recovery time (restore + replay until promoted) and exits non-zero when a check fails.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
config=${PGBACKREST_CONFIG:-/etc/pgbackrest/pgbackrest.conf}
stanza=${STANZA:-quiz}
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}
port=${DRILL_PORT:-54329}
db=${DRILL_DB:-quizdb}
user=${DRILL_USER:-quiz}
target="" expect="" absent="" keep=0
while (($#)); do
  case "$1" in
    --target-time) target=$2; shift 2 ;;
    --expect-purchase) expect=$2; shift 2 ;;
    --expect-absent) absent=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

if [[ "$(id -u)" -eq 0 ]]; then
  exec runuser -u postgres -- env PGBACKREST_CONFIG="$config" STANZA="$stanza" PG_BIN="$pg_bin" DRILL_DIR="${DRILL_DIR:-}" \
    DRILL_PORT="$port" DRILL_DB="$db" DRILL_USER="$user" bash "$0" ${target:+--target-time "$target"} \
    ${expect:+--expect-purchase "$expect"} ${absent:+--expect-absent "$absent"} $( ((keep)) && echo --keep)
fi

scratch=$(mktemp -d "${DRILL_DIR:-/var/tmp}/quiz-restore-drill.XXXXXX")
data="$scratch/data"
cleanup() {
  "$pg_bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  ((keep)) || rm -rf "$scratch"
}
trap cleanup EXIT
mkdir -m 700 "$data"

started=$(date +%s.%N)
restore=(pgbackrest --config="$config" --stanza="$stanza" --pg1-path="$data" --log-level-console=warn restore)
if [[ -n "$target" ]]; then
  restore+=(--type=time "--target=$target" --target-action=promote)
fi
"${restore[@]}"

# The scratch cluster must never archive into the live repository, listen on the network or need passwords.
cat > "$scratch/hba.conf" <<HBA
local all all trust
HBA
"$pg_bin/pg_ctl" -D "$data" -l "$scratch/server.log" -w -t 86400 start -o \
  "-c port=$port -c listen_addresses='' -c unix_socket_directories='$scratch' -c archive_mode=off -c hba_file='$scratch/hba.conf'" >/dev/null
psql_drill() { "$pg_bin/psql" -X -h "$scratch" -p "$port" -U "$user" -d "$db" "$@"; }
until [[ "$(psql_drill -tAc 'SELECT pg_is_in_recovery()' 2>/dev/null)" == "f" ]]; do
  sleep 0.5
  "$pg_bin/pg_ctl" -D "$data" status >/dev/null || { cat "$scratch/server.log" >&2; exit 1; }
done
recovered=$(date +%s.%N)

report=$(psql_drill -f "$here/verify.sql")
echo "$report"
awk -v a="$started" -v b="$recovered" 'BEGIN { printf "recovery_seconds %.1f\n", b - a }'
echo "restored_until $(psql_drill -tAc "SELECT coalesce(max(created_at)::text, 'empty') FROM (SELECT created_at FROM answer_events UNION ALL SELECT created_at FROM purchases) t")"

failed=0
grep -q '^FAIL' <<<"$report" && failed=1
if [[ -n "$expect" ]] && [[ "$(psql_drill -tAc "SELECT count(*) FROM purchases WHERE telegram_payment_charge_id = '$expect'")" != 1 ]]; then
  echo "FAIL purchase $expect missing"; failed=1
fi
if [[ -n "$absent" ]] && [[ "$(psql_drill -tAc "SELECT count(*) FROM purchases WHERE telegram_payment_charge_id = '$absent'")" != 0 ]]; then
  echo "FAIL purchase $absent restored although it is after the target"; failed=1
fi
((failed == 0)) && echo "drill passed" || echo "drill FAILED"
exit $failed
