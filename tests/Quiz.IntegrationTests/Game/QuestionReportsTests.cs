using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;
using Quiz.Core.Questions;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Game;

public sealed class QuestionReportsTests(PostgresDatabase database) : GameKitTests(database)
{
    private async Task<(long Player, string Question)> PlayerWhoWasAskedAsync(string? question = null)
    {
        var player = await Kit.NewPlayerAsync();
        var session = (await Kit.StartAsync(player, GameMode.Quick)).SessionId!.Value;
        await Kit.NextAsync(session, player);
        await using var db = Kit.Context();
        if (question is not null)
        {
            // Make this player's first question the given one (as if the selection had picked it).
            await db.SessionQuestions.Where(q => q.SessionId == session).ExecuteUpdateAsync(s => s.SetProperty(q => q.QuestionId, question));
        }
        await Kit.AnswerAsync(session, player, 0, correct: false);
        // The answer also asked question 1 (ADR 0014): the player was asked question 0.
        return (player, await db.SessionQuestions.Where(q => q.SessionId == session && q.Ordinal == 0).Select(q => q.QuestionId).SingleAsync());
    }

    private async Task<ReportResult> ReportAsync(long player, string question, ReportReason reason = ReportReason.Typo)
    {
        await using var scope = Core.Scope();
        return await scope.Get<QuestionReports>().ReportAsync(player, question, reason);
    }

    [Fact]
    public async Task Three_open_reports_from_different_players_suspend_the_question()
    {
        var (first, question) = await PlayerWhoWasAskedAsync();
        Assert.Equal(new ReportResult(ReportOutcome.Reported), await ReportAsync(first, question, ReportReason.WrongAnswer));
        Assert.Equal(new ReportResult(ReportOutcome.AlreadyReported), await ReportAsync(first, question, ReportReason.Unclear));
        var (second, _) = await PlayerWhoWasAskedAsync(question);
        Assert.Equal(new ReportResult(ReportOutcome.Reported), await ReportAsync(second, question));
        await using (var db = Kit.Context())
        {
            Assert.Equal(QuestionStatus.Active, (await db.Questions.SingleAsync(q => q.Id == question)).Status);
        }

        var (third, _) = await PlayerWhoWasAskedAsync(question);
        Assert.Equal(new ReportResult(ReportOutcome.Reported, Suspended: true), await ReportAsync(third, question, ReportReason.Outdated));

        await using var check = Kit.Context();
        Assert.Equal(QuestionStatus.Suspended, (await check.Questions.SingleAsync(q => q.Id == question)).Status);
        Assert.Equal(3, await check.QuestionReports.CountAsync(r => r.QuestionId == question && r.Status == ReportStatus.Open));
    }

    [Fact]
    public async Task A_question_the_player_was_never_asked_or_a_forged_reason_cannot_be_reported()
    {
        var (player, asked) = await PlayerWhoWasAskedAsync();
        var other = asked == "modi-0059" ? "modi-0058" : "modi-0059";

        Assert.Equal(ReportOutcome.NotAsked, (await ReportAsync(player, other)).Outcome);
        Assert.Equal(ReportOutcome.NotAsked, (await ReportAsync(player, "gibt-es-nicht")).Outcome);
        Assert.Equal(ReportOutcome.NotAsked, (await ReportAsync(player, asked, (ReportReason)9)).Outcome);
        await using var db = Kit.Context();
        Assert.Equal(0, await db.QuestionReports.CountAsync(r => r.PlayerId == player));
    }

    [Fact]
    public async Task Parallel_taps_on_the_same_reason_store_one_report()
    {
        var (player, question) = await PlayerWhoWasAskedAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ReportAsync(player, question))));

        Assert.Equal(1, results.Count(r => r.Outcome == ReportOutcome.Reported));
        await using var db = Kit.Context();
        Assert.Equal(1, await db.QuestionReports.CountAsync(r => r.PlayerId == player));
    }
}
