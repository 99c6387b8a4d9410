using Bunit;
using MudBlazor;
using Quiz.Admin.Components.Pages;
using Quiz.Core.Questions.Stats;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

/// <summary>"Fragen" shows each question's answer statistics and orders the bank by them.</summary>
public sealed class QuestionStatsColumnsTests(PostgresDatabase database) : CoreTests(database)
{
    private static string[] Ids(IRenderedComponent<QuestionList> cut) => [.. cut.FindAll(".frage-id").Select(td => td.TextContent.Trim())];

    private static string Cell(IRenderedComponent<QuestionList> cut, string id, string column) =>
        cut.FindAll(".fragen-tabelle tbody tr").Single(tr => tr.QuerySelector(".frage-id")?.TextContent.Trim() == id)
            .QuerySelector(column)!.TextContent.Trim();

    private async Task StatsAsync(string id, int asked, int correct, int timedOut, int? medianMs, short? learned)
    {
        await using var db = Database.CreateContext();
        db.QuestionStats.Add(new QuestionStats
        {
            QuestionId = id, Asked = asked, Correct = correct, TimedOut = timedOut, MedianAnswerMs = medianMs, CalibratedDifficulty = learned,
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private static async Task OrderAsync(IRenderedComponent<QuestionList> cut, IRenderedComponent<MudPopoverProvider> popovers, string label)
    {
        await cut.InvokeAsync(() => cut.Find(".fragen-sortierung .mud-select-input").MouseDown());
        popovers.WaitForAssertion(() => Assert.Contains(label, popovers.Markup), Patience);
        await popovers.InvokeAsync(() => popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == label).Click());
    }

    [Fact]
    public async Task The_statistics_columns_show_asked_correct_median_time_outs_and_the_learned_difficulty_and_the_quick_orders_sort_by_them()
    {
        await CategoryAsync(Database, "stat", "Statistik");
        await QuestionAsync(Database, "sta-0001", "stat", "Welche Frage ist leicht?");
        await QuestionAsync(Database, "sta-0002", "stat", "Welche Frage ist schwer?");
        await QuestionAsync(Database, "sta-0003", "stat", "Welche Frage läuft oft ab?");
        await QuestionAsync(Database, "sta-0004", "stat", "Welche Frage wurde nie gestellt?");
        await StatsAsync("sta-0001", asked: 80, correct: 72, timedOut: 1, medianMs: 4200, learned: 1);
        await StatsAsync("sta-0002", asked: 60, correct: 12, timedOut: 6, medianMs: 11_500, learned: 3);
        await StatsAsync("sta-0003", asked: 10, correct: 5, timedOut: 4, medianMs: 9000, learned: null);
        await using var ctx = NewContext(Core);
        var popovers = ctx.Render<MudPopoverProvider>();
        ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<QuestionList>();
        await cut.InvokeAsync(() => cut.Find(".filter-suche input").Input("sta-"));
        cut.WaitForAssertion(() => Assert.Equal(["sta-0001", "sta-0002", "sta-0003", "sta-0004"], Ids(cut)), Patience);

        Assert.Equal(("80", "90 %", "4,2 s", "1 %"),
            (Cell(cut, "sta-0001", ".frage-gestellt"), Cell(cut, "sta-0001", ".frage-richtig"), Cell(cut, "sta-0001", ".frage-median"), Cell(cut, "sta-0001", ".frage-zeit-um")));
        Assert.Contains("gelernt: 3 · schwer", Cell(cut, "sta-0002", ".frage-schwierigkeit"));
        Assert.DoesNotContain("gelernt", Cell(cut, "sta-0003", ".frage-schwierigkeit"));
        Assert.Equal(("0", "–", "–"), (Cell(cut, "sta-0004", ".frage-gestellt"), Cell(cut, "sta-0004", ".frage-richtig"), Cell(cut, "sta-0004", ".frage-median")));

        await OrderAsync(cut, popovers, "Leichteste zuerst");
        cut.WaitForAssertion(() => Assert.Equal(["sta-0001", "sta-0003", "sta-0002", "sta-0004"], Ids(cut)), Patience);
        await OrderAsync(cut, popovers, "Schwerste zuerst");
        cut.WaitForAssertion(() => Assert.Equal(["sta-0002", "sta-0003", "sta-0001", "sta-0004"], Ids(cut)), Patience);
        await OrderAsync(cut, popovers, "Meiste Zeitüberschreitungen");
        cut.WaitForAssertion(() => Assert.Equal(["sta-0003", "sta-0002", "sta-0001", "sta-0004"], Ids(cut)), Patience);
    }
}
