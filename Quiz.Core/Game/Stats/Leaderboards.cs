using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Quiz.Core.Common;
using Quiz.Core.Data;

namespace Quiz.Core.Game.Stats;

/// <summary>
/// The leaderboards of <c>/bestenliste</c>: Tagesquiz today, this Berlin week (Monday–Sunday) and
/// the all-time Überleben records. Ranked in the database with window functions, so a board costs
/// one query however many players took part.
/// </summary>
public sealed class Leaderboards(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public const int DefaultTop = 10;

    public async Task<Leaderboard> GetAsync(BoardKind kind, long playerId, int top = DefaultTop, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var today = BerlinDay.Containing(time.GetUtcNow()).Day;
        (DateOnly? From, DateOnly? To, string Sql, NpgsqlParameter[] Parameters) query = kind switch
        {
            BoardKind.Today => (today, today, BoardSql.Day, DayParameters(today, top, playerId)),
            BoardKind.Week => (WeekStart(today), WeekStart(today).AddDays(6), BoardSql.Days, WeekParameters(today, top, playerId)),
            BoardKind.Survival => (null, null, BoardSql.Survival, [Int(top), Long(playerId)]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var (entries, participants) = await QueryAsync(query.Sql, query.Parameters, ct);
        return new Leaderboard(kind, query.From, query.To, entries.Where(e => e.Rank <= top).ToList(), entries.SingleOrDefault(e => e.PlayerId == playerId), participants);
    }

    /// <summary>The player's place in the Tagesquiz of <paramref name="day"/>; null unless they finished it.</summary>
    public async Task<DailyStanding?> DailyStandingAsync(long playerId, DateOnly day, CancellationToken ct = default)
    {
        var (entries, participants) = await QueryAsync(BoardSql.Day, DayParameters(day, top: 0, playerId), ct);
        return entries.SingleOrDefault() is { } me ? new DailyStanding(me.Rank, participants, me.Points) : null;
    }

    /// <summary>Monday of the Berlin week containing <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static NpgsqlParameter[] DayParameters(DateOnly day, int top, long playerId) =>
    [
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = QuestionSets.DailyKey(day) },
        Int(top),
        Long(playerId),
    ];

    private static NpgsqlParameter[] WeekParameters(DateOnly day, int top, long playerId) =>
    [
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = Enumerable.Range(0, 7).Select(i => QuestionSets.DailyKey(WeekStart(day).AddDays(i))).ToArray() },
        Int(top),
        Long(playerId),
    ];

    private static NpgsqlParameter Int(int value) => new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = value };

    private static NpgsqlParameter Long(long value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value };

    private async Task<(List<BoardEntry> Entries, int Participants)> QueryAsync(string sql, NpgsqlParameter[] parameters, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Plain ADO.NET like PlayerDirectory: no EF mapping of an ad-hoc row type per context.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // The planner's estimates for the per-session subqueries are high enough to trigger JIT,
        // whose compile time (measured: up to 0.8 s) dwarfs these 5–60 ms queries.
        await using var batch = new NpgsqlBatch(connection, tx)
        {
            BatchCommands = { new NpgsqlBatchCommand("SET LOCAL jit = off"), new NpgsqlBatchCommand(sql) },
        };
        batch.BatchCommands[1].Parameters.AddRange(parameters);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var entries = new List<BoardEntry>();
        var participants = 0;
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new BoardEntry(
                Rank: checked((int)reader.GetInt64(0)),
                PlayerId: reader.GetInt64(1),
                FirstName: reader.GetString(2),
                Points: checked((int)reader.GetInt64(3)),
                CorrectAnswers: checked((int)reader.GetInt64(4)),
                TotalAnswerMs: reader.GetInt64(5),
                Games: checked((int)reader.GetInt64(6))));
            participants = checked((int)reader.GetInt64(7));
        }
        return (entries, participants);
    }
}
