using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Quiz.Admin.Components.Pages;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Quiz.Core.Game;
using Quiz.Core.Players;
using Quiz.Core.Tournaments;
using Quiz.Testing;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>bUnit setup for the Turniere page over a real database, and the players' side of a tournament as the bot drives it.</summary>
public static class TournamentConsole
{
    public const string Setup = "Test-Einrichtung";

    /// <summary>The page resolves Core's use-cases and clock from <paramref name="core"/> (the registrations the console uses).</summary>
    public static BunitContext NewContext(CoreServices core, string user, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddFallbackServiceProvider(core.Services);
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(user);
        auth.SetRoles(role);
        return ctx;
    }

    public static IElement Row(IRenderedComponent<TournamentPage> cut, Guid id) =>
        cut.FindAll(".turnier-tabelle tbody tr").Single(tr => tr.QuerySelector($"[data-turnier='{id}']") is not null);

    public static string? StateOf(IRenderedComponent<TournamentPage> cut, Guid id) =>
        Row(cut, id).QuerySelector(".turnier-status")!.GetAttribute("data-status");

    /// <summary>The page with its dialog provider, once it shows <paramref name="waitFor"/> (or the "Neues Turnier" button).</summary>
    public static (IRenderedComponent<TournamentPage> Page, IRenderedComponent<MudDialogProvider> Dialogs) Open(BunitContext ctx, Guid? waitFor = null)
    {
        var dialogs = QuestionConsole.RenderProviders(ctx);
        var cut = ctx.Render<TournamentPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(waitFor is { } id ? $"[data-turnier='{id}']" : ".turnier-neu")), QuestionConsole.Patience);
        return (cut, dialogs);
    }

    public static TournamentAdministration Admin(CoreServices core) => core.Get<TournamentAdministration>();

    /// <summary>A free tournament starting in an hour, in <paramref name="state"/> (Draft, Scheduled or Active), with a unique title.</summary>
    public static async Task<(Guid Id, string Title)> TournamentAsync(CoreServices core, TournamentState state, int questions = 3)
    {
        var title = $"Turnier {Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow;
        var created = await Admin(core).CreateAsync(new TournamentDraft(title, now.AddHours(1), now.AddHours(2), TournamentEntryFee.Free, questions), Setup);
        var id = created.Id!.Value;
        if (state >= TournamentState.Scheduled) Assert.True((await Admin(core).ScheduleAsync(id, Setup)).Succeeded);
        if (state >= TournamentState.Active) Assert.Equal(TransitionOutcome.Changed, await Admin(core).StartNowAsync(id, Setup));
        return (id, title);
    }

    /// <summary>A new player joins the running tournament and answers every question correctly.</summary>
    public static async Task<long> PlayAsync(CoreServices core, Guid tournamentId, string firstName)
    {
        var identity = new PlayerIdentity(Random.Shared.NextInt64(1_000_000, long.MaxValue), firstName, null, "de");
        var player = (await core.Get<PlayerDirectory>().TouchAsync(identity)).Id;
        Guid session;
        await using (var scope = core.Scope())
        {
            var tournaments = scope.Get<TournamentService>();
            Assert.Equal(JoinOutcome.Joined, (await tournaments.JoinAsync(player, tournamentId)).Outcome);
            session = (await tournaments.PlayAsync(player, tournamentId)).SessionId!.Value;
        }
        while (true)
        {
            await using var scope = core.Scope();
            if (await scope.Get<GameService>().GetNextQuestionAsync(session, player) is not { } question) break;
            var correct = await scope.Db.SessionQuestions.Where(q => q.SessionId == session && q.Ordinal == question.Ordinal).Select(q => q.CorrectPosition).SingleAsync();
            if ((await scope.Get<AnswerService>().SubmitAnswerAsync(session, player, question.Ordinal, correct)).SessionFinished) break;
        }
        return player;
    }

    public static async Task<Tournament> LoadAsync(PostgresDatabase database, Guid id)
    {
        await using var db = database.CreateContext();
        return await db.Tournaments.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    /// <summary>Active questions for the tournaments to draw from (the test database starts without any).</summary>
    public static async Task QuestionsAsync(PostgresDatabase database, int count = 5)
    {
        await QuestionConsole.CategoryAsync(database, "turnier", "Turnier");
        await using var db = database.CreateContext();
        if (await db.Questions.AnyAsync(q => q.CategoryId == "turnier")) return;
        for (var i = 0; i < count; i++) db.Questions.Add(TestData.Question($"turnier-{i:D4}", "turnier", DateTimeOffset.UtcNow.AddDays(-1)));
        await db.SaveChangesAsync();
    }
}
