using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;
using static Quiz.Core.Data.RawSql;

namespace Quiz.Core.Tournaments;

/// <summary>
/// The ranking of a tournament from counted answers only, computed in the database (<see cref="TournamentRankingSql"/>,
/// ADR 0015): every ranked entrant (<see cref="Players.RankedPlayers"/>: not banned, held or deleted) who answered at
/// least once (a question left to time out is not an answer), ordered by <see cref="Game.Scoring.ResultOrder.Standard"/>
/// (points, total answer time, finish time, player id — a total order, so ranks are deterministic). A session still open
/// ranks as finishing last among equals. Runs on the caller's context, inside its transaction when there is one.
/// </summary>
internal static class TournamentRanking
{
    /// <summary>The top lines, the player's own line, how many are ranked and how many entered.</summary>
    public sealed record Read(IReadOnlyList<StandingLine> Top, StandingLine? Own, int Ranked, int Entrants);

    public static async Task<Read> ReadAsync(QuizDbContext db, Guid tournamentId, long? playerId, int top, bool final, CancellationToken ct)
    {
        var lines = new List<StandingLine>();
        var (ranked, entrants) = (0, 0);
        Func<QuizDbContext, string, NpgsqlParameter[], Func<DbDataReader, Task>, CancellationToken, Task> query = final ? QueryAsync : QueryLightAsync;
        await query(db, final ? TournamentRankingSql.Final : TournamentRankingSql.Live, [Uuid(tournamentId), Int(top), Long(playerId ?? 0)], async reader =>
        {
            while (await reader.ReadAsync(ct))
            {
                (ranked, entrants) = ((int)reader.GetInt64(8), (int)reader.GetInt64(9));
                if (reader.IsDBNull(1)) continue;
                lines.Add(new StandingLine(
                    (int)reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt64(5),
                    reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
            }
        }, ct);
        lines.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        var own = playerId is { } me ? lines.FirstOrDefault(l => l.PlayerId == me) : null;
        return new Read([.. lines.Where(l => l.Rank <= top).Take(top)], own, ranked, entrants);
    }

    /// <summary>Writes the snapshot at the finish in one statement (the caller holds the tournament row lock); returns how many are ranked.</summary>
    public static async Task<int> SnapshotAsync(QuizDbContext db, Guid tournamentId, IReadOnlyList<RewardTier> tiers, CancellationToken ct)
    {
        var ranked = (int)await ScalarAsync(db, TournamentRankingSql.CountRanked, [Uuid(tournamentId)], ct);
        var (last, names) = TournamentRankingSql.RewardBands(ranked, tiers);
        await ExecuteAsync(db, TournamentRankingSql.Snapshot, [Uuid(tournamentId), IntArray(last), TextArray(names)], ct);
        return ranked;
    }

    /// <summary>
    /// Takes players who are no longer ranked (banned or held out since the finish) out of the stored
    /// snapshot: the others keep their order and move up, and the reward tiers follow the new ranks
    /// among the new count. Runs in the caller's transaction before anything is paid; returns how many
    /// were taken out (0: the snapshot is left as it is).
    /// </summary>
    public static async Task<int> CorrectSnapshotAsync(QuizDbContext db, Guid tournamentId, IReadOnlyList<RewardTier> tiers, CancellationToken ct)
    {
        var removed = (int)await ScalarAsync(db, TournamentRankingSql.CountUnrankedInSnapshot, [Uuid(tournamentId)], ct);
        if (removed == 0) return 0;
        var lines = await db.TournamentResults.CountAsync(r => r.TournamentId == tournamentId, ct);
        var (last, names) = TournamentRankingSql.RewardBands(lines - removed, tiers);
        await ExecuteAsync(db, TournamentRankingSql.Correct, [Uuid(tournamentId), IntArray(last), TextArray(names)], ct);
        return removed;
    }

    /// <summary>The tier written into the snapshot (under <paramref name="tiers"/>, else the defaults): only a result with points earns one.</summary>
    public static string? RewardOf(int rank, int ranked, int points, IReadOnlyList<RewardTier>? tiers = null) =>
        points > 0 ? TournamentRewards.For(rank, ranked, tiers ?? TournamentRewards.All)?.Name : null;

    /// <summary>
    /// A cheap read (the live place, ADR 0019: its plan costs far below the JIT threshold) in one round trip: outside a
    /// transaction it runs alone — no commit round trip, no <c>SET LOCAL</c> — and prepared, so a pooled connection plans it
    /// once; inside the caller's transaction it runs there like every other statement.
    /// </summary>
    private static async Task QueryLightAsync(QuizDbContext db, string sql, NpgsqlParameter[] parameters, Func<DbDataReader, Task> read, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await QueryAsync(db, sql, parameters, read, ct);
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.AddRange(parameters);
            await command.PrepareAsync(ct);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await read(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
