using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Xunit;

namespace Quiz.Testing.Deployment;

/// <summary>
/// A PostgreSQL cluster of its own, made with this machine's PostgreSQL binaries, configured as compose.yaml's
/// database is (WAL archived to pgBackRest) with its own pgBackRest repository — the live test server is untouched.
/// PostgreSQL refuses to run as root, so as root everything runs as the postgres user.
/// </summary>
public sealed class ScratchCluster : IAsyncDisposable
{
    public const string Stanza = "quiz";
    public const string Database = "quizdb";
    public const string Owner = "quiz";

    private ScratchCluster(string directory, int port)
    {
        Directory_ = directory;
        Port = port;
    }

    public string Directory_ { get; }
    public int Port { get; }
    public string Data => Path.Combine(Directory_, "data");
    public string Config => Path.Combine(Directory_, "pgbackrest.conf");
    public string ConnectionString(string database = Database) => $"Host=127.0.0.1;Port={Port};Database={database};Username={Owner};Pooling=false";

    public static string Bin => System.IO.Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture)).Last() + "/bin";

    public static bool AsRoot => Environment.UserName == "root";

    /// <summary>Starts the cluster; <paramref name="archiveTimeoutSeconds"/> as compose.yaml sets it (60) bounds the data a crash can lose.</summary>
    public static async Task<ScratchCluster> StartAsync(int archiveTimeoutSeconds = 60)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("quiz-drill-").FullName;
        var cluster = new ScratchCluster(directory, LoopbackPort.Free());
        foreach (var sub in new[] { "repo", "lock", "log", "spool" }) System.IO.Directory.CreateDirectory(Path.Combine(directory, sub));
        await File.WriteAllTextAsync(cluster.Config, $"""
            [global]
            repo1-path={directory}/repo
            repo1-retention-full=2
            lock-path={directory}/lock
            log-path={directory}/log
            spool-path={directory}/spool
            log-level-file=off
            log-level-console=warn
            start-fast=y
            compress-type=zst

            [{Stanza}]
            pg1-path={cluster.Data}
            pg1-port={cluster.Port}
            pg1-socket-path={directory}
            pg1-user={Owner}
            pg1-database=postgres
            """);
        if (AsRoot) await RunAsync("chown", ["-R", "postgres:postgres", directory], asPostgres: false);
        await RunAsync($"{Bin}/initdb", ["-D", cluster.Data, "-U", Owner, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        var archive = $"pgbackrest --config={cluster.Config} --stanza={Stanza} archive-push %p";
        await RunAsync($"{Bin}/pg_ctl", ["-D", cluster.Data, "-l", Path.Combine(directory, "server.log"), "-w", "start", "-o",
            $"-c port={cluster.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={directory} -c wal_level=replica -c archive_mode=on -c \"archive_command={archive}\" -c archive_timeout={archiveTimeoutSeconds}"]);
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {Database}; CREATE ROLE quiz_app LOGIN PASSWORD 'quiz_app'", connection).ExecuteNonQueryAsync();
        }
        await cluster.BackRestAsync("stanza-create");
        return cluster;
    }

    public Task BackRestAsync(params string[] command) => RunAsync("pgbackrest", [$"--config={Config}", $"--stanza={Stanza}", .. command]);

    /// <summary>Switches to a new WAL segment and waits until the finished one is in the repository.</summary>
    public async Task ArchiveNowAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        var segment = (string)(await new NpgsqlCommand("SELECT pg_walfile_name(pg_switch_wal())", connection).ExecuteScalarAsync())!;
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (string.CompareOrdinal((await new NpgsqlCommand("SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver", connection).ExecuteScalarAsync()) as string, segment) < 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"WAL segment {segment} was not archived");
            await Task.Delay(200);
        }
    }

    public static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> arguments, bool asPostgres = true, IReadOnlyDictionary<string, string>? environment = null, bool check = true)
    {
        var start = asPostgres && AsRoot
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments])
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/tmp";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        if (check) Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)}: {output}");
        return (process.ExitCode, output);
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync($"{Bin}/pg_ctl", ["-D", Data, "-m", "immediate", "stop"], check: false);
        try { System.IO.Directory.Delete(Directory_, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
