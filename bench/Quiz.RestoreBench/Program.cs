using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Quiz.Core.Data;
using Quiz.Testing;
using Quiz.Testing.Deployment;

// Recovery point and recovery time of the compose deployment's backup setup, measured on this machine:
// a scratch cluster archiving WAL to pgBackRest exactly as deploy/compose.yaml configures it (archive_timeout=60),
// N answer events, a full backup, then a steady stream of purchases (one per 100 ms) until the server is lost
// (immediate stop: WAL not yet archived is gone with it), then deploy/backup/restore-drill.sh to the end of the archive.
//   dotnet run -c Release --project bench/Quiz.RestoreBench -- [answers=1000000] [players=20000] [write-seconds=150]
var answers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var players = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
var writeSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 150;

await using var cluster = await ScratchCluster.StartAsync(archiveTimeoutSeconds: 60);
await using (var core = CoreServices.Create(cluster.ConnectionString()))
await using (var scope = core.Scope())
{
    await scope.Get<DatabaseMigrator>().MigrateAsync(Path.Combine(TestEnvironment.RepositoryRoot(), "content", "questions"), serviceRole: null);
}

var clock = Stopwatch.StartNew();
await using (var connection = new NpgsqlConnection(cluster.ConnectionString()))
{
    await connection.OpenAsync();
    const int chunk = 100_000;
    for (var done = 0; done < answers; done += chunk)
    {
        var part = Math.Min(chunk, answers - done);
        await DrillData.SeedAsync(connection, $"seed{done}", Math.Max(1, (int)((long)players * part / answers)), part);
    }
}
var seeded = clock.Elapsed;
clock.Restart();
await cluster.BackRestAsync("--type=full", "backup");
var backedUp = clock.Elapsed;
await Task.Delay(TimeSpan.FromSeconds(2));

// The stream of purchases; the last one committed before the loss is what a perfect backup would still have.
DateTimeOffset lastCommitted = default;
var written = 0;
await using (var connection = new NpgsqlConnection(cluster.ConnectionString()))
{
    await connection.OpenAsync();
    var until = DateTime.UtcNow.AddSeconds(writeSeconds);
    while (DateTime.UtcNow < until)
    {
        await DrillData.PurchaseAsync(connection, $"rpo-{written:D6}");
        lastCommitted = new DateTimeOffset((DateTime)(await new NpgsqlCommand($"SELECT created_at FROM purchases WHERE telegram_payment_charge_id = 'rpo-{written:D6}'", connection).ExecuteScalarAsync())!, TimeSpan.Zero);
        written++;
        await Task.Delay(100);
    }
}
await ScratchCluster.RunAsync($"{ScratchCluster.Bin}/pg_ctl", ["-D", cluster.Data, "-m", "immediate", "stop"]);

var (exit, output) = await ScratchCluster.RunAsync("bash", [Path.Combine(TestEnvironment.RepositoryRoot(), "deploy", "backup", "restore-drill.sh")], asPostgres: false,
    environment: new Dictionary<string, string>
    {
        ["PGBACKREST_CONFIG"] = cluster.Config,
        ["STANZA"] = ScratchCluster.Stanza,
        ["PG_BIN"] = ScratchCluster.Bin,
        ["DRILL_DIR"] = cluster.Directory_,
        ["DRILL_PORT"] = LoopbackPort.Free().ToString(CultureInfo.InvariantCulture),
    }, check: false);
Console.WriteLine(output);
var newest = Regex.Match(output, @"newest_purchase (?<charge>\S+) (?<at>.+)$", RegexOptions.Multiline);
var restoredAt = DateTimeOffset.Parse(newest.Groups["at"].Value.Trim(), CultureInfo.InvariantCulture);
var recovery = Regex.Match(output, @"recovery_seconds (?<s>[0-9.]+)").Groups["s"].Value;
var size = await ScratchCluster.RunAsync("du", ["-sh", Path.Combine(cluster.Directory_, "repo")], asPostgres: false);

Console.WriteLine($"""

    | measure | value |
    |---|---|
    | answer events / players | {answers:N0} / {players:N0} |
    | seeding | {seeded.TotalSeconds:F1} s |
    | full backup (zst) | {backedUp.TotalSeconds:F1} s, repository {size.Output.Split('\t')[0]} |
    | purchases written after the backup | {written:N0} over {writeSeconds} s |
    | last purchase committed before the loss | {lastCommitted:HH:mm:ss.fff} |
    | newest purchase restored | {newest.Groups["charge"].Value} at {restoredAt:HH:mm:ss.fff} |
    | **recovery point (data lost)** | **{(lastCommitted - restoredAt).TotalSeconds:F1} s** |
    | **recovery time (restore + replay + promote)** | **{recovery} s** |
    | drill | {(exit == 0 ? "passed" : "FAILED")} |
    """);
return exit;
