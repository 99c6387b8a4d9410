using System.Text.Json;
using Npgsql;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Operations;

/// <summary>
/// The dispatcher's claims (the store's own statements: lane order and quiet chats) must stay index scans however many
/// finished rows the outbox holds (before housekeeping purges them). Plan shape only; the latency is in docs/benchmarks.md.
/// </summary>
public sealed class OutboxClaimPlanTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int SentRows = 1_000_000;

    [Theory]
    [InlineData(OutboxClaimSql.Claim)]
    [InlineData(OutboxClaimSql.ClaimQuiet)]
    public async Task Claim_query_does_not_scan_the_outbox_with_a_million_sent_rows(string claimSql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"""
            DELETE FROM outbox_messages;
            INSERT INTO outbox_messages (kind, chat_id, payload, state, attempts, created_at, available_at, processed_at)
            SELECT 'send_message', g % 50000, '{"{}"}'::jsonb, 'sent', 1, now() - interval '1 day', now() - interval '1 day', now() - interval '1 day'
            FROM generate_series(1, {SentRows}) g;
            INSERT INTO outbox_messages (kind, chat_id, payload, state, attempts, created_at, available_at)
            SELECT 'send_message', g, '{"{}"}'::jsonb, 'pending', 0, now(), now() FROM generate_series(1, 20) g;
            ANALYZE outbox_messages;
            """);

        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + claimSql, connection);
        explain.Parameters.AddWithValue("until", DateTimeOffset.UtcNow.AddMinutes(1));
        explain.Parameters.AddWithValue("now", DateTimeOffset.UtcNow);
        explain.Parameters.AddWithValue("batch", 20);
        explain.Parameters.AddWithValue("scan", 80);
        explain.Parameters.AddWithValue("lowest", (short)3);
        var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);

        var scans = Nodes(plan.RootElement[0].GetProperty("Plan"))
            .Where(n => n.TryGetProperty("Relation Name", out var r) && r.GetString() == "outbox_messages")
            .Select(n => n.GetProperty("Node Type").GetString())
            .ToList();
        Assert.NotEmpty(scans);
        Assert.DoesNotContain("Seq Scan", scans);
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement node)
    {
        yield return node;
        if (!node.TryGetProperty("Plans", out var children)) yield break;
        foreach (var child in children.EnumerateArray())
        {
            foreach (var n in Nodes(child)) yield return n;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }
}
