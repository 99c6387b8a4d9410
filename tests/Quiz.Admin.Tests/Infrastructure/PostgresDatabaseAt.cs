using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>Contexts for an arbitrary connection string, e.g. one that points nowhere.</summary>
public sealed class PostgresDatabaseAt(string connectionString)
{
    public IDbContextFactory<QuizDbContext> Factory { get; } = new ContextFactory(connectionString);

    private sealed class ContextFactory(string connectionString) : IDbContextFactory<QuizDbContext>
    {
        public QuizDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<QuizDbContext>();
            options.UseQuizDatabase(connectionString);
            return new QuizDbContext(options.Options);
        }
    }
}
