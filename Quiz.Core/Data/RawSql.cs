using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Quiz.Core.Data;

/// <summary>
/// Hand-written SQL on the context's connection, for the statements EF cannot say in one round trip (rankings, bulk
/// fan-outs): typed parameters and one batch per call, in the caller's transaction or in a short one of its own.
/// </summary>
internal static class RawSql
{
    public static NpgsqlParameter Uuid(Guid value) => new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = value };

    public static NpgsqlParameter Int(int value) => new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = value };

    public static NpgsqlParameter Long(long value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value };

    public static NpgsqlParameter Time(DateTimeOffset value) => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value };

    public static NpgsqlParameter Text(string value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value };

    public static NpgsqlParameter IntArray(int[] value) => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, Value = value };

    public static NpgsqlParameter TextArray(string?[] value) => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = value };

    public static async Task<int> ExecuteAsync(QuizDbContext db, string sql, NpgsqlParameter[] parameters, CancellationToken ct)
    {
        var affected = 0;
        await RunAsync(db, sql, parameters, async batch => affected = await batch.ExecuteNonQueryAsync(ct), ct);
        return affected;
    }

    public static async Task<long> ScalarAsync(QuizDbContext db, string sql, NpgsqlParameter[] parameters, CancellationToken ct)
    {
        long value = 0;
        await QueryAsync(db, sql, parameters, async reader => value = await reader.ReadAsync(ct) ? reader.GetInt64(0) : 0, ct);
        return value;
    }

    public static Task QueryAsync(QuizDbContext db, string sql, NpgsqlParameter[] parameters, Func<DbDataReader, Task> read, CancellationToken ct) =>
        RunAsync(db, sql, parameters, async batch =>
        {
            await using var reader = await batch.ExecuteReaderAsync(ct);
            await read(reader);
        }, ct);

    /// <summary>
    /// Plain ADO.NET on the context's connection (like <c>Leaderboards</c>): in the caller's transaction, or in a
    /// short one of its own; one round trip. JIT is off: its compile time dwarfs these statements (see Leaderboards).
    /// </summary>
    private static async Task RunAsync(QuizDbContext db, string sql, NpgsqlParameter[] parameters, Func<NpgsqlBatch, Task> run, CancellationToken ct)
    {
        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var tx = (NpgsqlTransaction)(outer ?? own!).GetDbTransaction();
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), tx)
        {
            BatchCommands = { new NpgsqlBatchCommand("SET LOCAL jit = off"), new NpgsqlBatchCommand(sql) },
        };
        batch.BatchCommands[1].Parameters.AddRange(parameters);
        await run(batch);
        if (own is not null) await own.CommitAsync(ct);
    }
}
