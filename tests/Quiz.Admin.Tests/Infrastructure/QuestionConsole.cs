using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Core.Questions;
using Quiz.Testing;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>bUnit setup for the question pages over a real database, signed in as a moderator.</summary>
public static class QuestionConsole
{
    public const string Moderator = "Mara Moderatorin";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>The pages resolve Core's use-cases from <paramref name="core"/> (the registrations the console uses).</summary>
    public static BunitContext NewContext(CoreServices core, string user = Moderator) => EconomyConsole.NewContext(core, user, AdminRoles.Moderator);

    /// <summary>The providers the layout normally renders; dialogs appear inside the returned one.</summary>
    public static IRenderedComponent<MudDialogProvider> RenderProviders(BunitContext ctx)
    {
        ctx.Render<MudPopoverProvider>();
        return ctx.Render<MudDialogProvider>();
    }

    public static async Task CategoryAsync(PostgresDatabase database, string id, string name)
    {
        await using var db = database.CreateContext();
        if (await db.Categories.AnyAsync(c => c.Id == id)) return;
        db.Categories.Add(new Category { Id = id, Name = name });
        await db.SaveChangesAsync();
    }

    public static async Task QuestionAsync(PostgresDatabase database, string id, string categoryId, string text, QuestionStatus status = QuestionStatus.Active)
    {
        var question = TestData.Question(id, categoryId, DateTimeOffset.UtcNow.AddDays(-1));
        question.Text = text;
        question.Status = status;
        await using var db = database.CreateContext();
        db.Questions.Add(question);
        await db.SaveChangesAsync();
    }

    /// <summary>Open reports by new players (as the bot stores them) and the suspension three of them cause.</summary>
    public static async Task ReportsAsync(PostgresDatabase database, string questionId, params ReportReason[] reasons)
    {
        await using var db = database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        foreach (var reason in reasons)
        {
            var player = TestData.Player(now, "Melder");
            db.Players.Add(player);
            await db.SaveChangesAsync();
            db.QuestionReports.Add(new QuestionReport { QuestionId = questionId, PlayerId = player.Id, Reason = reason, Status = ReportStatus.Open, CreatedAt = now });
        }
        await db.SaveChangesAsync();
        if (reasons.Length >= QuestionReport.SuspendThreshold)
        {
            await db.Questions.Where(q => q.Id == questionId).ExecuteUpdateAsync(s => s.SetProperty(q => q.Status, QuestionStatus.Suspended));
        }
    }

    public static async Task<Question> LoadAsync(PostgresDatabase database, string id)
    {
        await using var db = database.CreateContext();
        return await db.Questions.AsNoTracking().SingleAsync(q => q.Id == id);
    }
}
