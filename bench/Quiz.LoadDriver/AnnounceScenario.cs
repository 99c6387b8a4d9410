using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quiz.Core.Announcements;

namespace Quiz.LoadDriver;

/// <summary>
/// Issue #15 item 5: "Nachricht an Spieler" to <c>--backlog</c> players (default 100,000, seeded by bulk SQL). Players keep
/// asking the bot as in the lanes scenario (<c>/hilfe</c>, waiting for the reply, thinking 2.5 s; real send limiter, the
/// stub with Telegram's limits). After a quiet phase an admin's announcement to everyone is written and sent through
/// Core (<see cref="AnnouncementAdministration"/>), and the worker's fan-out (<see cref="AnnouncementFanOut"/>, batches of
/// 5,000) runs until every player has a row; then it runs once more (it must write nothing) and the bulk lane drains
/// for <c>seconds</c> more. Measured: the fan-out's time and slowest batch, rows and distinct chats (exactly once), and the
/// players' reply latency quiet, during the fan-out and with the announcement's backlog.
/// </summary>
internal static class AnnounceScenario
{
    private const string Admin = "Benchmark";

    /// <summary>In the announcement's text: the stub counts a message with it as bulk, never as a player's reply.</summary>
    public const string Marker = "500 frische Fragen";

    public static async Task RunAsync(DriverOptions o, IServiceProvider core, string database, Uri bot, LanesWatch watch, IReadOnlyList<long> players)
    {
        Console.WriteLine(Invariant($"Scenario announce: {o.Backlog:N0} players seeded; {players.Count} players ask /hilfe (think 2.5 s); warm-up {o.Warmup} s, {o.Seconds} s quiet, then an announcement to all fanned out and {o.Seconds} s of its backlog; real send limiter, stub with Telegram's limits …"));
        await SeedAsync(database, o.Backlog);
        using var http = LanesScenario.Client(bot, players.Count);
        using var stop = new CancellationTokenSource();
        var loops = players.Select(p => Task.Run(() => LanesScenario.PlayAsync(http, watch, p, stop.Token))).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(o.Warmup));
        watch.Phase = "quiet";
        await Task.Delay(TimeSpan.FromSeconds(o.Seconds));

        var admin = core.GetRequiredService<AnnouncementAdministration>();
        var fanOut = core.GetRequiredService<AnnouncementFanOut>();
        var draft = await admin.CreateAsync($"<b>Neu im Quiz:</b> {Marker} – viel Spaß!", null, Admin);
        if (draft.Id is not { } id || await admin.SendAsync(id, Admin) != AnnouncementOutcome.Changed) throw new InvalidOperationException("The announcement was not sent.");
        watch.Phase = "fan-out";
        var total = Stopwatch.StartNew();
        var (batches, written, slowest) = (0, 0, 0.0);
        for (var batch = Stopwatch.StartNew(); await fanOut.BatchAsync(id, AnnouncementFanOut.DefaultBatchSize) is { } rows; batch.Restart())
        {
            (batches, written, slowest) = (batches + 1, written + rows, Math.Max(slowest, batch.Elapsed.TotalMilliseconds));
        }
        total.Stop();
        var again = await fanOut.RunAsync();
        var fanOutSeconds = Math.Max(1, (int)Math.Ceiling(total.Elapsed.TotalSeconds));
        watch.Phase = "backlog";
        await Task.Delay(TimeSpan.FromSeconds(o.Seconds));
        watch.Phase = "after";
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        var (rowCount, chats, toPlayers, pending) = await RowsAsync(database, players);
        var recipients = (await admin.ListAsync()).Single(a => a.Id == id).Recipients;
        Console.WriteLine();
        Console.WriteLine("| fan-out | recipients | batches | rows written | total s | slowest batch ms | rows/s | second run wrote |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(Invariant(
            $"| announcement to all | {recipients:N0} | {batches} | {written:N0} | {total.Elapsed.TotalSeconds:F2} | {slowest:F0} | {written / total.Elapsed.TotalSeconds:N0} | {again} |"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"Outbox: {rowCount:N0} announcement rows for {chats:N0} distinct chats; {pending:N0} still pending at the end; {toPlayers} sent to the asking players' chats (ahead of their next reply; not counted as replies)"));
        Console.WriteLine();
        Console.WriteLine("| players' replies (posted → reply at the stub) | count | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(LanesScenario.Row("without an announcement", watch.Latencies("quiet")));
        Console.WriteLine(LanesScenario.Row(Invariant($"during the fan-out ({total.Elapsed.TotalSeconds:F1} s)"), watch.Latencies("fan-out")));
        Console.WriteLine(LanesScenario.Row(Invariant($"with the announcement's backlog ({o.Seconds} s)"), watch.Latencies("backlog")));
        Console.WriteLine();
        var sent = watch.BulkSent("fan-out") + watch.BulkSent("backlog");
        Console.WriteLine(Invariant(
            $"Announcement messages sent: {sent} in {fanOutSeconds + o.Seconds} s ({sent / (double)(fanOutSeconds + o.Seconds):F1}/s); stub answered {watch.TooManyRequests} calls with 429"));
    }

    /// <summary><paramref name="count"/> players seen an hour ago, Telegram ids 700,000,001… (none of the asking players').</summary>
    private static async Task SeedAsync(string database, int count)
    {
        var seed = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO players (telegram_user_id, first_name, language_code, created_at, last_seen_at)
            SELECT 700000000 + g, 'Spieler ' || g, 'de', now() - interval '1 hour', now() - interval '1 hour'
            FROM generate_series(1, @count) g;
            ANALYZE players
            """, connection) { CommandTimeout = 600 };
        insert.Parameters.AddWithValue("count", count);
        await insert.ExecuteNonQueryAsync();
        Console.WriteLine(Invariant($"Seeded {count:N0} players in {seed.Elapsed.TotalSeconds:F1} s"));
    }

    private static async Task<(long Rows, long Chats, long ToPlayers, long Pending)> RowsAsync(string database, IReadOnlyList<long> players)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""
            SELECT count(*), count(DISTINCT chat_id), count(*) FILTER (WHERE chat_id = ANY(@players) AND state = 'sent'), count(*) FILTER (WHERE state = 'pending')
            FROM outbox_messages WHERE kind = 'announcement'
            """, connection);
        count.Parameters.AddWithValue("players", players.ToArray());
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
