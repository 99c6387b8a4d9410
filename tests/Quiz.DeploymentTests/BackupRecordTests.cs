using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Operations;
using Quiz.Testing;
using Quiz.Testing.Deployment;

namespace Quiz.DeploymentTests;

/// <summary>
/// Issue #13 item 5, "backup older than 26 hours": deploy/backup/backup-loop.sh <c>--record</c> writes pgBackRest's backups into
/// <c>backup_runs</c> (once each), and the worker's reading — the gauge <c>quiz_backup_last_success_timestamp_seconds</c> —
/// is the stop time pgBackRest reports for the newest one.
/// </summary>
public sealed class BackupRecordTests
{
    [Fact]
    public async Task Each_backup_is_recorded_once_and_the_reading_is_the_newest_backups_stop_time()
    {
        await using var cluster = await ScratchCluster.StartAsync();
        await using var core = CoreServices.Create(cluster.ConnectionString());
        await using (var scope = core.Scope())
        {
            await scope.Get<DatabaseMigrator>().MigrateAsync(Path.Combine(TestEnvironment.RepositoryRoot(), "content", "questions"), serviceRole: null);
        }
        Assert.Null((await core.Get<OperationalReadings>().ReadAsync()).LastBackupAt);

        await cluster.BackRestAsync("--type=full", "backup");
        await RecordAsync(cluster);
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // labels are per second
        await cluster.BackRestAsync("--type=diff", "backup");
        await RecordAsync(cluster);
        await RecordAsync(cluster);

        var (_, json) = await ScratchCluster.RunAsync("pgbackrest", [$"--config={cluster.Config}", $"--stanza={ScratchCluster.Stanza}", "--output=json", "info"]);
        var backups = JsonNode.Parse(json[json.IndexOf('[', StringComparison.Ordinal)..])![0]!["backup"]!.AsArray();
        var newestStop = backups.Max(b => (long)b!["timestamp"]!["stop"]!);
        await using (var scope = core.Scope())
        {
            Assert.Equal(2, await scope.Db.BackupRuns.CountAsync());
            Assert.Equal(["diff", "full"], (await scope.Db.BackupRuns.Select(r => r.Kind).ToListAsync()).Order());
        }
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(newestStop), (await core.Get<OperationalReadings>().ReadAsync()).LastBackupAt);
    }

    private static Task RecordAsync(ScratchCluster cluster) =>
        ScratchCluster.RunAsync("bash", [Path.Combine(ComposeFile.DeployDirectory, "backup", "backup-loop.sh"), "--record"], asPostgres: false,
            environment: new Dictionary<string, string>
            {
                ["PGBACKREST_CONFIG"] = cluster.Config,
                ["PGHOST"] = "127.0.0.1",
                ["PGPORT"] = cluster.Port.ToString(CultureInfo.InvariantCulture),
                ["PGUSER"] = ScratchCluster.Owner,
                ["PGDATABASE"] = ScratchCluster.Database,
            });
}
