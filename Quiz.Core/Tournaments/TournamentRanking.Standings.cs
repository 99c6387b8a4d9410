using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;
using static Quiz.Core.Data.RawSql;

namespace Quiz.Core.Tournaments;

internal static partial class TournamentRanking
{
    /// <summary>
    /// The standings with the tournament's summary in one round trip (<see cref="TournamentStandingsSql"/>): live while it
    /// runs, the snapshot once it is finished; null for no such tournament or a draft. The player is
    /// <paramref name="playerId"/>, or else the one of <paramref name="telegramUserId"/>, found in the same statement.
    /// </summary>
    public static async Task<TournamentStandings?> StandingsAsync(QuizDbContext db, Guid tournamentId, long? playerId, int top, CancellationToken ct, long? telegramUserId = null)
    {
        var lines = new List<StandingLine>();
        TournamentSummary? summary = null;
        var (ranked, me) = (0, 0L);
        await QueryLightAsync(db, TournamentStandingsSql.Standings, [Uuid(tournamentId), Int(top), Long(playerId ?? 0), Long(telegramUserId ?? 0)], async reader =>
        {
            while (await reader.ReadAsync(ct))
            {
                summary ??= SummaryOf(reader, tournamentId);
                (ranked, me) = ((int)reader.GetInt64(8), reader.GetInt64(19));
                if (reader.IsDBNull(1)) continue;
                lines.Add(new StandingLine(
                    (int)reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt64(5),
                    reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
            }
        }, ct);
        if (summary is null) return null;
        lines.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        var own = me != 0 ? lines.FirstOrDefault(l => l.PlayerId == me) : null;
        var final = summary.State is TournamentState.Finished or TournamentState.Rewarded;
        return new TournamentStandings(summary, [.. lines.Where(l => l.Rank <= top).Take(top)], own, ranked, final);
    }

    private static TournamentSummary SummaryOf(DbDataReader reader, Guid id) => new(
        id, reader.GetString(10), Enum.Parse<TournamentState>(reader.GetString(11), ignoreCase: true),
        Enum.Parse<TournamentEntryFee>(reader.GetString(12), ignoreCase: true), reader.GetInt32(13),
        reader.GetFieldValue<DateTimeOffset>(14), reader.GetFieldValue<DateTimeOffset>(15), (int)reader.GetInt64(9),
        reader.GetBoolean(16), reader.GetBoolean(17), reader.GetBoolean(18));

    /// <summary>
    /// A cheap read (the standings, ADR 0019: its plan costs far below the JIT threshold) in one round trip: outside a
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
