using Npgsql;

namespace Quiz.Testing;

/// <summary>
/// Where the test servers are. CI and the README's test command export these; the defaults match
/// the roles that <c>scripts/services.sh</c> creates: the schema's owner (creates, migrates and drops the
/// test databases) and the services' role (what the code under test connects as).
/// </summary>
public static class TestEnvironment
{
    /// <summary>As the owner: <c>ConnectionStrings__quizdbowner</c>.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("ConnectionStrings__quizdbowner")
        ?? "Host=127.0.0.1;Port=5432;Database=quiz;Username=quiz;Password=quiz";

    /// <summary>As the services' role: <c>ConnectionStrings__quizdb</c>.</summary>
    public static string ServiceServer =>
        Environment.GetEnvironmentVariable("ConnectionStrings__quizdb")
        ?? "Host=127.0.0.1;Port=5432;Database=quiz;Username=quiz_app;Password=quiz_app";

    public static string Redis =>
        Environment.GetEnvironmentVariable("ConnectionStrings__cache") ?? "127.0.0.1:6379";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("QUIZ_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>How every browser test starts the system Chromium (headless, in a container, nothing phoning home).</summary>
    public static IReadOnlyList<string> ChromiumArgs { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    /// <summary>The services' connection string pointed at another database.</summary>
    public static string ForDatabase(string database) => On(ServiceServer, database);

    /// <summary>The owner's connection string pointed at another database.</summary>
    public static string OwnerForDatabase(string database) => On(PostgresServer, database);

    private static string On(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>
    /// Drops a test database with its connections. The test role may not end the server's own
    /// processes (an autovacuum worker visiting the database: 42501), so that case waits and retries.
    /// </summary>
    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var admin = new NpgsqlConnection(PostgresServer);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>The folder holding <c>Quiz.Aspire.sln</c>, found from the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quiz.Aspire.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Quiz.Aspire.sln not found above " + AppContext.BaseDirectory);
    }
}
