using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;
using Quiz.Core.Economy.Admin;

namespace Quiz.Core.Operations;

/// <param name="FailedRefunds">Refunds Telegram refused that no operator has retried or resolved: an alert, not a statistic.</param>
/// <param name="OpenFlags">Cheat flags waiting for an operator's review ("Markiert").</param>
/// <param name="OpenReports">Players' reports of questions waiting for a moderator ("Meldungen").</param>
/// <param name="OpenSupportCases">Support cases described by the player and not closed yet ("Support").</param>
public sealed record Overview(
    int Players, int GamesToday, int AnswersToday, int ActiveGames, DateOnly Day, int FailedRefunds = 0, int OpenFlags = 0,
    int OpenReports = 0, int OpenSupportCases = 0);

/// <summary>The console's headline numbers; "today" is the Berlin calendar day.</summary>
public sealed class OverviewStatistics(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public async Task<Overview> GetAsync(CancellationToken ct = default)
    {
        var (day, start, end) = BerlinDay.Containing(time.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync(ct);
        var players = await db.Players.CountAsync(ct);
        var games = await db.GameSessions.CountAsync(s => s.StartedAt >= start && s.StartedAt < end, ct);
        var answers = await db.AnswerEvents.CountAsync(a => a.CreatedAt >= start && a.CreatedAt < end, ct);
        var active = await db.GameSessions.CountAsync(
            s => s.State == Game.SessionState.Active || s.State == Game.SessionState.Paused, ct);
        var failedRefunds = await RefundAdministration.OpenFailures(db).CountAsync(ct);
        var openFlags = await db.CheatFlags.CountAsync(f => f.Status == AntiCheat.FlagStatus.Open, ct);
        var openReports = await db.QuestionReports.CountAsync(r => r.Status == Questions.ReportStatus.Open, ct);
        var openCases = await db.SupportCases.CountAsync(c => c.Status == Economy.Support.SupportCaseStatus.Open, ct);
        return new Overview(players, games, answers, active, day, failedRefunds, openFlags, openReports, openCases);
    }
}
