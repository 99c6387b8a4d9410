using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Operations.Moderation;
using Quiz.Testing;
using Xunit.Abstractions;

namespace Quiz.IntegrationTests.Operations;

/// <summary>
/// The console's player search must not read the whole players table at 100,000 players: a name part goes
/// through the trigram indexes, a number through the unique indexes. Plan shape only; the time is printed.
/// </summary>
public sealed partial class PlayerSearchPlanTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    private const int Players = 100_000;

    [Fact]
    public async Task Search_by_name_part_username_or_number_does_not_scan_100000_players()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"""
            INSERT INTO players (telegram_user_id, first_name, username, language_code, created_at, last_seen_at)
            SELECT 10000000 + g, 'Spieler' || md5(g::text), CASE WHEN g % 3 = 0 THEN NULL ELSE 'user_' || md5((g * 7)::text) END, 'de',
                   now() - make_interval(mins => g), now() - make_interval(secs => g)
            FROM generate_series(1, {Players}) g;
            """);
        // Only the table's owner may analyze it (as autovacuum would after such an insert).
        await using (var owner = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await ExecuteAsync(owner, "ANALYZE players");
        }

        await using var core = database.Core();
        foreach (var term in new[] { "a1b2c", "Sp", "@user_9f8e", "10004711" })
        {
            await using var db = database.CreateContext();
            var sql = PlayerReview.Matching(db.Players, term).OrderByDescending(p => p.Id).Take(25).ToQueryString();
            var scans = await ScansAsync(connection, sql);
            Assert.NotEmpty(scans);
            Assert.DoesNotContain("Seq Scan", scans);

            var clock = Stopwatch.StartNew();
            var page = await core.Get<PlayerReview>().SearchAsync(new PlayerFilter(term));
            output.WriteLine($"'{term}': {page.Total} match(es), {clock.ElapsedMilliseconds} ms, plan: {string.Join(", ", scans)}");
        }
    }

    /// <summary>EF's own statement: its parameter comments (<c>-- @p='…'</c>) become parameters of the EXPLAIN.</summary>
    private static async Task<List<string>> ScansAsync(NpgsqlConnection connection, string sql)
    {
        await using var explain = new NpgsqlCommand { Connection = connection };
        var body = new List<string>();
        foreach (var line in sql.Split('\n'))
        {
            if (ParameterComment().Match(line) is { Success: true } p)
            {
                var text = p.Groups[2].Value.Trim('\'');
                object value = long.TryParse(text, out var n) ? n : text;
                explain.Parameters.AddWithValue(p.Groups[1].Value, value);
            }
            else body.Add(line);
        }
        explain.CommandText = "EXPLAIN (FORMAT JSON) " + string.Join('\n', body);
        var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
        return [.. Nodes(plan.RootElement[0].GetProperty("Plan"))
            .Where(n => n.TryGetProperty("Relation Name", out var r) && r.GetString() == "players")
            .Select(n => n.GetProperty("Node Type").GetString()!)];
    }

    [GeneratedRegex(@"^-- @(\w+)=(.*?)(?: \(DbType = \w+\))?\s*$")]
    private static partial Regex ParameterComment();

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
