using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Quiz.Core.Data;

public static class QuizDbOptions
{
    /// <summary>
    /// Statements Npgsql prepares per connection once used five times (its <c>Auto Prepare Min Usages</c>), least recently
    /// used recycled beyond this. Without it every command is parsed and planned again, and a connection returned to the pool
    /// is reset with <c>DISCARD ALL</c>, which also drops the plans PostgreSQL keeps for the triggers' statements: on the answer
    /// path that was half of PostgreSQL's CPU per answer (docs/benchmarks.md, "Prepared statements").
    /// </summary>
    public const int AutoPreparedStatements = 50;

    /// <summary>The one place the provider is configured, shared by services, migrator, tools and tests.</summary>
    public static DbContextOptionsBuilder UseQuizDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    /// <summary>The connection string with <see cref="AutoPreparedStatements"/> unless it sets <c>Max Auto Prepare</c> itself (0 turns it off).</summary>
    public static string WithAutoPrepare(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows; the plain one holds only what the string sets.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", "").Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))) return connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements };
        return builder.ConnectionString;
    }
}
