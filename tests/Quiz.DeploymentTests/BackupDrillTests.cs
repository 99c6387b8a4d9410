using Npgsql;
using Quiz.Core.Data;
using Quiz.Testing;
using Quiz.Testing.Deployment;

namespace Quiz.DeploymentTests;

/// <summary>
/// Issue #13 item 3: deploy/backup/restore-drill.sh restores a pgBackRest backup plus archived WAL into a scratch
/// cluster — to the end of the archive, or to a point in time — and proves the data (row counts, every holding
/// explained by its ledger, the purchases that must and must not be there).
/// </summary>
public sealed class BackupDrillTests(BackupDrillTests.Archive archive) : IClassFixture<BackupDrillTests.Archive>
{

    /// <summary>One database with a full backup, rows before and after a target moment, and its WAL archived.</summary>
    public sealed class Archive : IAsyncLifetime
    {
        public ScratchCluster Cluster { get; private set; } = null!;
        public string BeforeTarget { get; private set; } = "";
        public string AfterTarget { get; private set; } = "";
        public string TargetTime { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var cluster = await ScratchCluster.StartAsync();
            await using (var core = CoreServices.Create(cluster.ConnectionString()))
            await using (var scope = core.Scope())
            {
                await scope.Get<DatabaseMigrator>().MigrateAsync(Path.Combine(TestEnvironment.RepositoryRoot(), "content", "questions"), serviceRole: null);
            }
            await cluster.BackRestAsync("--type=full", "backup");
            // pgBackRest keeps a backup's stop time in whole seconds: a target in the same second would find no backup before it.
            await Task.Delay(TimeSpan.FromSeconds(2));

            await using var connection = new NpgsqlConnection(cluster.ConnectionString());
            await connection.OpenAsync();
            await DrillData.SeedAsync(connection, "a", players: 200, answers: 5_000);
            var beforeTarget = await DrillData.PurchaseAsync(connection, "drill-before-target");
            var targetTime = (string)(await new NpgsqlCommand("SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'", connection).ExecuteScalarAsync())!;
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var afterTarget = await DrillData.PurchaseAsync(connection, "drill-after-target");
            await DrillData.SeedAsync(connection, "b", players: 50, answers: 1_000);
            await cluster.ArchiveNowAsync();
            Cluster = cluster;
            BeforeTarget = beforeTarget;
            AfterTarget = afterTarget;
            TargetTime = targetTime;
        }

        public async Task DisposeAsync() => await Cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_restore_to_a_point_in_time_has_what_was_committed_before_it_and_nothing_after()
    {
        var (exit, output) = await DrillAsync("--target-time", archive.TargetTime, "--expect-purchase", archive.BeforeTarget, "--expect-absent", archive.AfterTarget);

        Assert.True(exit == 0, output);
        Assert.Contains("ok ledger explains every entitlement", output, StringComparison.Ordinal);
        Assert.Contains("rows players 200", output, StringComparison.Ordinal);
        Assert.Contains("rows answer_events 5000", output, StringComparison.Ordinal);
        Assert.Contains("newest_purchase drill-before-target", output, StringComparison.Ordinal);
        Assert.Contains("drill passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_to_the_end_of_the_archive_has_every_archived_commit()
    {
        var (exit, output) = await DrillAsync("--expect-purchase", archive.AfterTarget);

        Assert.True(exit == 0, output);
        Assert.Contains("rows players 250", output, StringComparison.Ordinal);
        Assert.Contains("rows answer_events 6000", output, StringComparison.Ordinal);
        Assert.Contains("ok ledger explains every entitlement", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_drill_fails_when_a_purchase_it_must_find_is_not_in_the_restored_data()
    {
        var (exit, output) = await DrillAsync("--target-time", archive.TargetTime, "--expect-purchase", archive.AfterTarget);

        Assert.True(exit == 1, output);
        Assert.Contains("FAIL purchase drill-after-target missing", output, StringComparison.Ordinal);
        Assert.Contains("drill FAILED", output, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output)> DrillAsync(params string[] arguments) =>
        ScratchCluster.RunAsync("bash", [Path.Combine(ComposeFile.DeployDirectory, "backup", "restore-drill.sh"), .. arguments], asPostgres: false,
            environment: new Dictionary<string, string>
            {
                ["PGBACKREST_CONFIG"] = archive.Cluster.Config,
                ["STANZA"] = ScratchCluster.Stanza,
                ["PG_BIN"] = ScratchCluster.Bin,
                ["DRILL_DIR"] = archive.Cluster.Directory_,
                ["DRILL_PORT"] = LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            check: false);
}
