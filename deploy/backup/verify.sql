-- What a restore drill checks in the restored database (restore-drill.sh runs it with psql).
-- Prints one line per check; restore-drill.sh fails the drill on any line starting with FAIL.
\set ON_ERROR_STOP on
\pset tuples_only on
\pset format unaligned

SELECT 'rows ' || t || ' ' || n FROM (
  SELECT 'players' AS t, count(*) AS n FROM players UNION ALL
  SELECT 'game_sessions', count(*) FROM game_sessions UNION ALL
  SELECT 'answer_events', count(*) FROM answer_events UNION ALL
  SELECT 'purchases', count(*) FROM purchases UNION ALL
  SELECT 'ledger_entries', count(*) FROM ledger_entries UNION ALL
  SELECT 'entitlements', count(*) FROM entitlements UNION ALL
  SELECT 'audit_entries', count(*) FROM audit_entries
) counts ORDER BY t;

-- Every player's holding of a countable asset equals the sum of their ledger rows (Premium counts days).
WITH sums AS (
  SELECT player_id, kind, sum(delta) AS total FROM ledger_entries WHERE kind <> 'premium' GROUP BY player_id, kind
), held AS (
  SELECT player_id, kind, uses FROM entitlements WHERE kind <> 'premium'
)
SELECT CASE WHEN count(*) = 0 THEN 'ok ledger explains every entitlement'
            ELSE 'FAIL ' || count(*) || ' entitlements differ from their ledger' END
FROM held FULL JOIN sums USING (player_id, kind)
WHERE coalesce(held.uses, 0) <> coalesce(sums.total, 0);

SELECT 'newest_purchase ' || coalesce((SELECT telegram_payment_charge_id || ' ' || created_at FROM purchases ORDER BY created_at DESC, id DESC LIMIT 1), 'none');
