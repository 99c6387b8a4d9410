using Microsoft.EntityFrameworkCore;
using Quiz.Core.Questions;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Questions;

public sealed class ReportModerationTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero))
{
    private ReportModeration Moderation() => Core.Get<ReportModeration>();

    private async Task<string> ReportedThreeTimesAsync(string id)
    {
        if (!await CategoryExistsAsync("meldungen")) await QuestionSeed.CategoryAsync(Database, "meldungen", "Meldungen");
        await QuestionSeed.QuestionAsync(Database, id, "meldungen", Time.GetUtcNow(), $"Stimmt die Frage {id}?");
        await QuestionSeed.ReportAsync(Core, id, Time.GetUtcNow(), ReportReason.WrongAnswer);
        await QuestionSeed.ReportAsync(Core, id, Time.GetUtcNow(), ReportReason.WrongAnswer);
        var third = await QuestionSeed.ReportAsync(Core, id, Time.GetUtcNow(), ReportReason.Outdated);
        Assert.True(third.Suspended);
        return id;
    }

    private async Task<bool> CategoryExistsAsync(string id)
    {
        await using var db = Database.CreateContext();
        return await db.Categories.AnyAsync(c => c.Id == id);
    }

    private async Task<List<QuestionReport>> ReportsAsync(string questionId)
    {
        await using var db = Database.CreateContext();
        return await db.QuestionReports.Where(r => r.QuestionId == questionId).OrderBy(r => r.Id).ToListAsync();
    }

    [Fact]
    public async Task Three_reports_then_dismiss_reactivates_the_question_and_records_the_moderator()
    {
        var question = await ReportedThreeTimesAsync("mel-0001");
        Time.Advance(TimeSpan.FromHours(2));

        var result = await Moderation().DecideAsync(question, ReportDecision.Dismiss, "Mara Moderatorin");

        Assert.Equal(new DecisionResult(3, Reactivated: true), result);
        Assert.Equal(QuestionStatus.Active, (await QuestionSeed.LoadAsync(Database, question)).Status);
        Assert.All(await ReportsAsync(question), r =>
        {
            Assert.Equal(ReportStatus.Dismissed, r.Status);
            Assert.Equal("Mara Moderatorin", r.ResolvedBy);
            Assert.Equal(Time.GetUtcNow(), r.ResolvedAt);
        });
        Assert.DoesNotContain(await Moderation().OpenAsync(), g => g.QuestionId == question);
    }

    [Fact]
    public async Task Upheld_reports_keep_the_question_suspended()
    {
        var question = await ReportedThreeTimesAsync("mel-0002");

        var result = await Moderation().DecideAsync(question, ReportDecision.Uphold, "Mara Moderatorin");

        Assert.Equal(new DecisionResult(3, Reactivated: false), result);
        Assert.Equal(QuestionStatus.Suspended, (await QuestionSeed.LoadAsync(Database, question)).Status);
        Assert.All(await ReportsAsync(question), r => Assert.Equal((ReportStatus.Upheld, "Mara Moderatorin"), (r.Status, r.ResolvedBy)));
    }

    [Fact]
    public async Task Open_reports_are_grouped_by_question_with_their_reasons_most_reported_first()
    {
        var many = await ReportedThreeTimesAsync("mel-0003");
        await QuestionSeed.QuestionAsync(Database, "mel-0004", "meldungen", Time.GetUtcNow(), "Ist das ein Tippfeler?");
        await QuestionSeed.ReportAsync(Core, "mel-0004", Time.GetUtcNow(), ReportReason.Typo);

        var groups = (await Moderation().OpenAsync()).Where(g => g.QuestionId is "mel-0003" or "mel-0004").ToList();

        Assert.Equal(["mel-0003", "mel-0004"], groups.Select(g => g.QuestionId));
        Assert.Equal((3, QuestionStatus.Suspended, "Meldungen"), (groups[0].OpenReports, groups[0].Status, groups[0].CategoryName));
        Assert.Equal(2, groups[0].Reasons[ReportReason.WrongAnswer]);
        Assert.Equal(1, groups[0].Reasons[ReportReason.Outdated]);
        Assert.Equal((1, QuestionStatus.Active, "Ist das ein Tippfeler?"), (groups[1].OpenReports, groups[1].Status, groups[1].Text));
        Assert.Equal(1, groups[1].Reasons[ReportReason.Typo]);
        Assert.Equal((await ReportsAsync(many)).Max(r => r.Id), groups[0].LatestReportId);
    }

    [Fact]
    public async Task A_report_after_the_moderator_looked_stays_open_and_keeps_the_question_suspended()
    {
        var question = await ReportedThreeTimesAsync("mel-0005");
        var seen = (await Moderation().OpenAsync()).Single(g => g.QuestionId == question);
        await QuestionSeed.ReportAsync(Core, question, Time.GetUtcNow(), ReportReason.Unclear);
        await QuestionSeed.ReportAsync(Core, question, Time.GetUtcNow(), ReportReason.Unclear);
        await QuestionSeed.ReportAsync(Core, question, Time.GetUtcNow(), ReportReason.Unclear);

        var result = await Moderation().DecideAsync(question, ReportDecision.Dismiss, "Mara", seen.LatestReportId);

        Assert.Equal(new DecisionResult(3, Reactivated: false), result);
        Assert.Equal(QuestionStatus.Suspended, (await QuestionSeed.LoadAsync(Database, question)).Status);
        Assert.Equal(3, (await ReportsAsync(question)).Count(r => r.Status == ReportStatus.Open && r.Reason == ReportReason.Unclear));
    }

    [Fact]
    public async Task Dismissing_does_not_reactivate_a_question_a_moderator_suspended()
    {
        await QuestionSeed.CategoryAsync(Database, "von-hand", "Von Hand");
        await QuestionSeed.QuestionAsync(Database, "hand-0001", "von-hand", Time.GetUtcNow());
        await QuestionSeed.ReportAsync(Core, "hand-0001", Time.GetUtcNow(), ReportReason.Typo);
        Assert.Equal(StatusChangeOutcome.Changed, await Core.Get<QuestionCatalog>().ChangeStatusAsync("hand-0001", StatusChange.Suspend));

        var result = await Moderation().DecideAsync("hand-0001", ReportDecision.Dismiss, "Mara");

        Assert.Equal(new DecisionResult(1, Reactivated: false), result);
        Assert.Equal(QuestionStatus.Suspended, (await QuestionSeed.LoadAsync(Database, "hand-0001")).Status);
    }

    [Fact]
    public async Task Two_moderators_deciding_at_once_decide_each_report_once()
    {
        var question = await ReportedThreeTimesAsync("mel-0006");

        var results = await Task.WhenAll(
            Task.Run(() => Moderation().DecideAsync(question, ReportDecision.Dismiss, "Mara")),
            Task.Run(() => Moderation().DecideAsync(question, ReportDecision.Uphold, "Jonas")));

        Assert.Equal(3, results.Sum(r => r.Decided));
        Assert.Single(results, r => r.Decided == 3);
        var winner = results[0].Decided == 3 ? ("Mara", ReportStatus.Dismissed, QuestionStatus.Active) : ("Jonas", ReportStatus.Upheld, QuestionStatus.Suspended);
        Assert.All(await ReportsAsync(question), r => Assert.Equal((winner.Item1, winner.Item2), (r.ResolvedBy!, r.Status)));
        Assert.Equal(winner.Item3, (await QuestionSeed.LoadAsync(Database, question)).Status);
    }
}
