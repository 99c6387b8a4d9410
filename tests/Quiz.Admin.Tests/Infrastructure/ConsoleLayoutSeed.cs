using Quiz.Core.AntiCheat;
using Quiz.Core.Questions;
using Quiz.Core.Tournaments;
using Quiz.Core.Tournaments.Series;
using Quiz.Testing;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>
/// A row of the widest kind on every page the layout test opens: a long question with answer statistics, one suspended by
/// three reports, a purchase with a support case, a flagged player with a game, tournaments in each open state with a
/// series, a dead letter and a waiting message.
/// </summary>
public static class ConsoleLayoutSeed
{
    public const string PlayerName = "Maximiliane";

    public const string LongText =
        "Welcher Donaudampfschifffahrtsgesellschaftskapitän erhielt 1898 die Genehmigung, zwischen Regensburg, Passau, "
        + "Linz, Wien und Budapest regelmäßig Fahrgäste und Post zu befördern, obwohl die Strecke wegen Hochwassers "
        + "monatelang gesperrt war und nur Frachtschiffe fahren durften?";

    /// <summary>Seeds once per database; returns the flagged player's number (for the player page).</summary>
    public static async Task<long> SeedAsync(PostgresDatabase database)
    {
        await using var core = database.Core(TimeProvider.System);

        await QuestionConsole.CategoryAsync(database, "layout", "Geschichte und Gesellschaft");
        await QuestionConsole.QuestionAsync(database, "layout-0001", "layout", LongText);
        await QuestionConsole.QuestionAsync(database, "layout-0002", "layout", LongText);
        await QuestionConsole.ReportsAsync(database, "layout-0002", ReportReason.WrongAnswer, ReportReason.Typo, ReportReason.Unclear);
        await using (var db = database.CreateContext())
        {
            db.QuestionStats.Add(new Core.Questions.Stats.QuestionStats
            {
                QuestionId = "layout-0001", Asked = 123_456, Correct = 98_765, TimedOut = 12_345, MedianAnswerMs = 12_345, CalibratedDifficulty = 3,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await MachineryConsole.DeadLetterAsync(database, "Bad Request: chat not found");
        await MachineryConsole.WaitingNoticeAsync(database);

        var (purchase, telegram) = await EconomyConsole.PurchaseAsync(core, PlayerName, "spiele-10");
        var player = (await EconomyConsole.LoadPurchaseAsync(database, purchase)).PlayerId;
        await EconomyConsole.SupportCaseAsync(core, telegram, "Meine 10 Spiele sind nicht angekommen, obwohl die Zahlung durch ist.");
        await PlayerConsole.GameAsync(database, player, 2, 4_200, 6_100, 200);
        await core.Get<CheatFlags>().RaiseAsync(player, FlagKind.FastAnswers, "game:layout", 85, """{"summary": "1 Antwort vor der Lesezeit", "schnellste_ms": 200}""");

        await TournamentConsole.QuestionsAsync(database);
        var (running, _) = await TournamentConsole.TournamentAsync(core, TournamentState.Active);
        await TournamentConsole.PlayAsync(core, running, "Greta");
        await TournamentConsole.TournamentAsync(core, TournamentState.Scheduled);
        await TournamentConsole.TournamentAsync(core, TournamentState.Draft);
        var series = new TournamentSeriesDraft("Sonntagsturnier {datum} {uhrzeit}", [DayOfWeek.Sunday, DayOfWeek.Wednesday], new TimeOnly(20, 0), 60,
            TournamentEntryFee.Ticket, 10, 7);
        Assert.True((await core.Get<SeriesAdministration>().CreateAsync(series, TournamentConsole.Setup)).Succeeded);
        return player;
    }
}
