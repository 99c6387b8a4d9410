using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Quiz.Core.Data;

/// <summary>Used by <c>dotnet ef</c> only; it never connects when adding a migration.</summary>
internal sealed class QuizDbContextDesignFactory : IDesignTimeDbContextFactory<QuizDbContext>
{
    public QuizDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__quizdb")
            ?? "Host=127.0.0.1;Database=quiz;Username=quiz;Password=quiz";
        var options = new DbContextOptionsBuilder<QuizDbContext>();
        options.UseQuizDatabase(connectionString);
        return new QuizDbContext(options.Options);
    }
}
