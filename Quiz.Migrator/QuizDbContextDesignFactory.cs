using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Quiz.Core.Data;
using Quiz.ServiceDefaults;

namespace Quiz.Migrator;

/// <summary>
/// Used by <c>dotnet ef</c> only (the migrator is its startup project); it never connects when adding a
/// migration. Reads the same connection string the services do.
/// </summary>
internal sealed class QuizDbContextDesignFactory : IDesignTimeDbContextFactory<QuizDbContext>
{
    public QuizDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{QuizResources.Database}")
            ?? "Host=127.0.0.1;Database=quiz;Username=quiz;Password=quiz";
        var options = new DbContextOptionsBuilder<QuizDbContext>();
        options.UseQuizDatabase(connectionString);
        return new QuizDbContext(options.Options);
    }
}
