using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Data;

namespace Quiz.LoadDriver;

/// <summary>
/// Webhook load driver: real HTTP stack, dedupe and database writes of the bot, against the
/// machine's PostgreSQL and Redis; pgbench on the same server as the reference. Usage:
///   dotnet run -c Release --project bench/Quiz.LoadDriver -- [seconds=20] [concurrency=16] [players=5000]
/// </summary>
internal static class Driver
{
    public static async Task Main(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
        var players = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5000;
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__quizdb") ?? "Host=127.0.0.1;Database=quiz;Username=quiz;Password=quiz";
        var redis = Environment.GetEnvironmentVariable("ConnectionStrings__cache") ?? "127.0.0.1:6379";

        var name = $"quiz_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ConnectionString;
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        try
        {
            var options = new DbContextOptionsBuilder<QuizDbContext>();
            options.UseQuizDatabase(database);
            await using (var db = new QuizDbContext(options.Options)) await db.Database.MigrateAsync();

            await using var telegram = await TelegramStub.StartAsync();
            await using var host = new BotHost(database, redis, telegram.BaseAddress);
            var load = new UpdateLoad(host.Start(), players);

            Console.WriteLine($"Warm-up 5 s, then {seconds} s with {concurrency} concurrent webhook clients, {players} players …");
            await load.RunAsync(concurrency, TimeSpan.FromSeconds(5), CancellationToken.None);
            var result = await load.RunAsync(concurrency, TimeSpan.FromSeconds(seconds), CancellationToken.None);

            Console.WriteLine($"pgbench reference, {seconds} s, {concurrency} clients …");
            var (tps, pgLatency) = await PgBench.RunAsync(database, concurrency, TimeSpan.FromSeconds(seconds));

            var share = result.Throughput / tps * 100;
            Console.WriteLine();
            Console.WriteLine("| run | requests | errors | throughput/s | p50 ms | p95 ms | p99 ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| webhook → bot → PostgreSQL | {result.Requests} | {result.Errors} | {result.Throughput:F0} | {result.Percentile(50):F1} | {result.Percentile(95):F1} | {result.Percentile(99):F1} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| pgbench 2-statement tx | – | – | {tps:F0} | avg {pgLatency:F1} | – | – |"));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Webhook throughput = {share:F0} % of pgbench (target ≥ 40 %), p99 = {result.Percentile(99):F1} ms (target ≤ 50 ms)"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
