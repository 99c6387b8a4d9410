using System.Reflection;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Layout;
using Quiz.Admin.Components.Pages;
using Quiz.Core.Questions;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

public sealed class ReportListPageTests(PostgresDatabase database) : CoreTests(database)
{
    private static IElement Row(IRenderedComponent<ReportList> cut, string questionId) =>
        cut.FindAll(".meldungen-tabelle tbody tr").Single(tr => tr.QuerySelector($"[data-frage='{questionId}']") is not null);

    private async Task<List<QuestionReport>> StoredReportsAsync(string questionId)
    {
        await using var db = Database.CreateContext();
        return await db.QuestionReports.AsNoTracking().Where(r => r.QuestionId == questionId).ToListAsync();
    }

    [Fact]
    public async Task Meldungen_verwerfen_reactivates_the_question_and_records_the_console_user()
    {
        await CategoryAsync(Database, "verwerfen", "Verwerfen");
        await QuestionAsync(Database, "verw-0001", "verwerfen", "Ist diese Frage wirklich falsch?");
        await ReportsAsync(Database, "verw-0001", ReportReason.WrongAnswer, ReportReason.WrongAnswer, ReportReason.Unclear);
        await using var ctx = NewContext(Core, user: "Jonas Prüfer");
        RenderProviders(ctx);
        var cut = ctx.Render<ReportList>();
        cut.WaitForAssertion(() => Assert.Equal("3", Row(cut, "verw-0001").QuerySelector(".meldung-anzahl")!.TextContent.Trim()), Patience);
        var reasons = Row(cut, "verw-0001").QuerySelector(".meldung-gruende")!.TextContent;
        Assert.Contains("Antwort falsch: 2", reasons);
        Assert.Contains("Unklar: 1", reasons);
        Assert.Equal("suspended", Row(cut, "verw-0001").QuerySelector(".frage-status")!.GetAttribute("data-status"));

        await cut.InvokeAsync(() => Row(cut, "verw-0001").QuerySelector(".aktion-verwerfen")!.Click());

        cut.WaitForAssertion(() => Assert.DoesNotContain(cut.FindAll("[data-frage]"), td => td.GetAttribute("data-frage") == "verw-0001"), Patience);
        Assert.Equal(QuestionStatus.Active, (await LoadAsync(Database, "verw-0001")).Status);
        Assert.All(await StoredReportsAsync("verw-0001"), r => Assert.Equal((ReportStatus.Dismissed, "Jonas Prüfer"), (r.Status, r.ResolvedBy)));
    }

    [Fact]
    public async Task Meldungen_bestaetigen_keeps_the_question_suspended()
    {
        await CategoryAsync(Database, "bestaetigen", "Bestätigen");
        await QuestionAsync(Database, "best-0001", "bestaetigen", "Ist dieser Tippfehler echt?");
        await ReportsAsync(Database, "best-0001", ReportReason.Typo, ReportReason.Typo, ReportReason.Typo);
        await using var ctx = NewContext(Core);
        RenderProviders(ctx);
        var cut = ctx.Render<ReportList>();
        cut.WaitForAssertion(() => Assert.Contains("Tippfehler: 3", Row(cut, "best-0001").TextContent), Patience);

        await cut.InvokeAsync(() => Row(cut, "best-0001").QuerySelector(".aktion-bestaetigen")!.Click());

        cut.WaitForAssertion(() => Assert.DoesNotContain(cut.FindAll("[data-frage]"), td => td.GetAttribute("data-frage") == "best-0001"), Patience);
        Assert.Equal(QuestionStatus.Suspended, (await LoadAsync(Database, "best-0001")).Status);
        Assert.All(await StoredReportsAsync("best-0001"), r => Assert.Equal((ReportStatus.Upheld, Moderator), (r.Status, r.ResolvedBy)));
    }

    [Theory]
    [InlineData(typeof(QuestionList), "/fragen")]
    [InlineData(typeof(QuestionImportPage), "/fragen/import")]
    [InlineData(typeof(ReportList), "/meldungen")]
    public void Question_pages_need_the_console_role_and_Fragen_and_Meldungen_are_in_the_menu(Type page, string route)
    {
        Assert.Contains(page.GetCustomAttributes<AuthorizeAttribute>(), a => a.Policy == AdminRoles.ConsolePolicy);
        Assert.Equal(route, page.GetCustomAttribute<Microsoft.AspNetCore.Components.RouteAttribute>()?.Template);
        Assert.Contains(NavItems.All, item => item.Href == "/fragen" && item.Title == "Fragen");
        Assert.Contains(NavItems.All, item => item.Href == "/meldungen" && item.Title == "Meldungen");
    }
}
