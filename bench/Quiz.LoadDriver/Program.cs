using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;

namespace Quiz.LoadDriver;

/// <summary>
/// Webhook load driver: real HTTP stack, dedupe and database writes of the bot, against the
/// machine's PostgreSQL and Redis, in a fresh database per run. Usage (see <see cref="DriverOptions.Usage"/>):
///   dotnet run -c Release --project bench/Quiz.LoadDriver -- [--scenario updates|answers|payments|tournament|purge|flood|lanes|announce|taps|stats|dashboard] [--bank N] [--payers N] [--rounds N] [--warmup seconds] [seconds=20] [concurrency=16] [players=5000]
/// </summary>
internal static class Driver
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--help" or "-h"])
        {
            Console.WriteLine(DriverOptions.Usage);
            return 0;
        }
        if (!DriverOptions.TryParse(args, out var o, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(DriverOptions.Usage);
            return 2;
        }
        // It creates, migrates and drops a database of its own, so it connects as the schema's owner.
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__quizdbowner") ?? "Host=127.0.0.1;Database=quiz;Username=quiz;Password=quiz";
        var redis = Environment.GetEnvironmentVariable("ConnectionStrings__cache") ?? "127.0.0.1:6379";

        var name = $"quiz_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        // The flood posts a thousand updates at once; the server's 100 connection slots are shared with others.
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = o.Scenario == Scenario.Flood ? 40 : 100 }.ConnectionString;
        // Extra connection string keywords for the bot's database, e.g. QUIZ_BENCH_DATABASE_OPTIONS="Max Auto Prepare=0".
        if (Environment.GetEnvironmentVariable("QUIZ_BENCH_DATABASE_OPTIONS") is { Length: > 0 } extra) database += ";" + extra;
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        try
        {
            var options = new DbContextOptionsBuilder<QuizDbContext>();
            options.UseQuizDatabase(database);
            await using (var db = new QuizDbContext(options.Options)) await db.Database.MigrateAsync();
            await using var core = CoreHost.Build(database);
            if (o.Scenario == Scenario.Purge)
            {
                await PurgeScenario.RunAsync(core, database);
                return 0;
            }
            if (o.Scenario == Scenario.Dashboard)
            {
                await BankSeeder.SeedAsync(core, 0, CancellationToken.None);
                await DashboardScenario.RunAsync(core, database);
                return 0;
            }
            var bank = o.Scenario is Scenario.Answers or Scenario.Tournament or Scenario.Taps or Scenario.Stats ? await BankSeeder.SeedAsync(core, o.Bank, CancellationToken.None) : 0;
            if (o.Scenario == Scenario.Tournament)
            {
                await TournamentScenario.RunAsync(o, core, CancellationToken.None);
                return 0;
            }

            if (o.Scenario == Scenario.Stats)
            {
                await StatsScenario.RunAsync(core, database);
                return 0;
            }

            if (o.Scenario == Scenario.Taps)
            {
                await RunTapsAsync(o, database, redis);
                return 0;
            }

            var payments = o.Scenario == Scenario.Payments;
            var flood = o.Scenario == Scenario.Flood;
            var lanes = o.Scenario is Scenario.Lanes or Scenario.Announce;
            var lanePlayers = Enumerable.Range(0, o.Concurrency).Select(i => 600_000_000L + (Random.Shared.NextInt64(0, 50_000) * 1_000) + i).ToArray();
            // The real limiter's buckets (tg:rl:*) must not be shared with anything else on this Redis.
            if ((payments || flood || lanes) && !redis.Contains("defaultDatabase", StringComparison.OrdinalIgnoreCase)) redis += ",defaultDatabase=9";
            await using var telegram = await TelegramStub.StartAsync(readQuestions: o.Scenario == Scenario.Answers, watchPayments: payments,
                flood: flood ? new FloodWatch(FloodScenario.ControlPlayer) : null, lanes: lanes ? new LanesWatch(lanePlayers.ToHashSet(), o.Scenario == Scenario.Announce ? AnnounceScenario.Marker : null) : null);
            if (flood && o.Bot is { } dll)
            {
                await using var process = await BotProcess.StartAsync(dll, database, redis, telegram.BaseAddress);
                await FloodScenario.RunAsync(o, options.Options, process.Address, telegram.Flood!);
                return 0;
            }
            await using var host = new BotHost(database, redis, telegram.BaseAddress, sendBudget: payments || flood || lanes);
            var bot = await host.StartAsync();
            if (payments) await PaymentScenario.RunAsync(o, options.Options, bot, telegram.Payments!);
            else if (flood) await FloodScenario.RunAsync(o, options.Options, bot, telegram.Flood!);
            else if (o.Scenario == Scenario.Announce) await AnnounceScenario.RunAsync(o, core, database, bot, telegram.Lanes!, lanePlayers);
            else if (lanes) await LanesScenario.RunAsync(o, database, bot, telegram.Lanes!, lanePlayers);
            else if (o.Scenario == Scenario.Answers) await RunAnswersAsync(o, new AnswerLoad(bot, telegram.Inbox!), bank, database);
            else await RunUpdatesAsync(o, new UpdateLoad(bot, o.Players), database);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        return 0;
    }

    private static async Task RunUpdatesAsync(DriverOptions o, UpdateLoad load, string database)
    {
        Console.WriteLine($"Scenario updates: warm-up {o.Warmup} s, then {o.Seconds} s with {o.Concurrency} concurrent webhook clients, {o.Players} players …");
        await load.RunAsync(o.Concurrency, TimeSpan.FromSeconds(o.Warmup), CancellationToken.None);
        var result = await load.RunAsync(o.Concurrency, TimeSpan.FromSeconds(o.Seconds), CancellationToken.None);

        Console.WriteLine($"pgbench reference, {o.Seconds} s, {o.Concurrency} clients …");
        var (tps, pgLatency) = await PgBench.RunAsync(database, o.Concurrency, TimeSpan.FromSeconds(o.Seconds));
        Report.Updates(result, tps, pgLatency);
    }

    private static async Task RunAnswersAsync(DriverOptions o, AnswerLoad load, int bank, string database)
    {
        Console.WriteLine($"Scenario answers: {bank} active questions; warm-up {o.Warmup} s, then {o.Seconds} s with {o.Concurrency} players playing quick games …");
        await load.RunAsync(o.Concurrency, TimeSpan.FromSeconds(o.Warmup), CancellationToken.None);
        var result = await load.RunAsync(o.Concurrency, TimeSpan.FromSeconds(o.Seconds), CancellationToken.None);

        Console.WriteLine($"pgbench reference, {o.Seconds} s, {o.Concurrency} clients …");
        var (tps, pgLatency) = await PgBench.RunAsync(database, o.Concurrency, TimeSpan.FromSeconds(o.Seconds));
        Report.Answers(result, tps, pgLatency);
    }

    /// <summary>The sandbox with Telegram's limits and the real bot (real send and inbound limits) on a port the sandbox delivers to.</summary>
    private static async Task RunTapsAsync(DriverOptions o, string database, string redis)
    {
        const string token = "123456:bench-token";
        if (!redis.Contains("defaultDatabase", StringComparison.OrdinalIgnoreCase)) redis += ",defaultDatabase=9";
        await using var sandbox = new SandboxHost(token);
        var telegram = sandbox.Start();
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var host = new BotHost(database, redis, telegram, sendBudget: true, port: port, token: token);
        await host.StartAsync();
        await TapScenario.RunAsync(o, telegram);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
