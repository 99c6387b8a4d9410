using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Admin.Texts;
using Quiz.Core.AntiCheat;
using Quiz.Core.Audit;
using Quiz.Core.Players;
using Quiz.Core.Tournaments;
using Quiz.Testing;
using static Microsoft.Playwright.Assertions;
using static Quiz.Admin.Tests.Infrastructure.TournamentConsole;

namespace Quiz.Admin.Tests;

/// <summary>
/// Issue #15 item 2 and its defects in Chromium against PostgreSQL: "Planen" asks first and names the tournament clicked
/// (two of one title told apart), a draft's times, questions, entry and prizes are edited in the dialog (and read in German
/// in the Protokoll), a running tournament shows "1 gewerteter Spieler" and is cancelled (its entrants' notices queued, its
/// Protokoll line in German counts).
/// </summary>
public sealed class TournamentPlanningBrowserTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    private const string AdminName = "Alice Admin";

    [Fact]
    public async Task Two_drafts_of_one_title_are_told_apart_and_Planen_asks_first_naming_the_one_clicked()
    {
        var title = $"Gleich {Guid.NewGuid():N}"[..16];
        var start = new DateTimeOffset(2031, 3, 2, 19, 0, 0, TimeSpan.Zero);
        await using var core = fixture.Database.Core(TimeProvider.System);
        var first = (await TournamentConsole.Admin(core).CreateAsync(new TournamentDraft(title, start, start.AddHours(1), TournamentEntryFee.Free, 5), Setup)).Id!.Value;
        var second = (await TournamentConsole.Admin(core).CreateAsync(new TournamentDraft(title, start.AddDays(7), start.AddDays(7).AddHours(1), TournamentEntryFee.Free, 5), Setup)).Id!.Value;
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, AdminName);
        await fixture.OpenAsync(page, "/turniere");

        await Expect(Row(page, first).Locator(".turnier-kurz-id")).ToHaveTextAsync(AdminFormat.ShortId(first));
        await Expect(Row(page, second).Locator(".turnier-kurz-id")).ToHaveTextAsync(AdminFormat.ShortId(second));
        await Expect(Row(page, first).Locator(".turnier-beginn")).ToHaveTextAsync("02.03.2031 20:00");
        await Expect(Row(page, second).Locator(".turnier-beginn")).ToHaveTextAsync("09.03.2031 20:00");

        await Row(page, second).Locator(".aktion-planen").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync($"Planen: {title} (09.03.2031 20:00, {AdminFormat.ShortId(second)})");
        await Expect(dialog).ToContainTextAsync(AdminTexts.Tournaments.ScheduleQuestion);
        await Expect(dialog).Not.ToContainTextAsync(AdminFormat.ShortId(first));
        Assert.Equal(TournamentState.Draft, (await LoadAsync(fixture.Database, second)).State);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Abbrechen", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal(TournamentState.Draft, (await LoadAsync(fixture.Database, second)).State);

        await Row(page, second).Locator(".aktion-planen").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Planen", Exact = true }).ClickAsync();
        await Expect(Row(page, second).Locator(".turnier-status")).ToHaveAttributeAsync("data-status", nameof(TournamentState.Scheduled));
        await Expect(Row(page, first).Locator(".turnier-status")).ToHaveAttributeAsync("data-status", nameof(TournamentState.Draft));
        Assert.Equal((TournamentState.Scheduled, TournamentState.Draft), ((await LoadAsync(fixture.Database, second)).State, (await LoadAsync(fixture.Database, first)).State));
        await using var db = fixture.Database.CreateContext();
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(second));
        Assert.Equal((AuditActions.TournamentScheduled, AdminName), (audit[^1].Action, audit[^1].Actor));
    }

    [Fact]
    public async Task An_admin_edits_a_drafts_times_questions_and_entry_and_cancels_a_running_tournament_with_one_ranked_player()
    {
        await QuestionsAsync(fixture.Database);
        await using var core = fixture.Database.Core(TimeProvider.System);
        var (draft, _) = await TournamentAsync(core, TournamentState.Draft);
        var (running, _) = await TournamentAsync(core, TournamentState.Active);
        await PlayAsync(core, running, "Greta");
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, AdminName);
        await fixture.OpenAsync(page, "/turniere");

        await Row(page, draft).Locator(".aktion-bearbeiten").ClickAsync();
        var editor = page.Locator(".turnier-dialog");
        await OidcConsoleFixture.TypeAsync(editor.Locator(".feld-beginn-datum input"), "01.12.2031");
        await OidcConsoleFixture.TypeAsync(editor.Locator(".feld-beginn-zeit input"), "18:30");
        await OidcConsoleFixture.TypeAsync(editor.Locator(".feld-ende-datum input"), "01.12.2031");
        await OidcConsoleFixture.TypeAsync(editor.Locator(".feld-ende-zeit input"), "20:00");
        await editor.Locator(".feld-fragen input").FillAsync("7");
        await editor.Locator(".eintritt-ticket").ClickAsync();
        await editor.Locator(".gewinnstufe-1 .stufe-spiele input").FillAsync("3");
        // A prize tier is checked in German before anything is stored.
        var share = editor.Locator(".gewinnstufe-3 .stufe-anteil input");
        await share.FillAsync("150");
        await editor.Locator(".dialog-speichern").ClickAsync();
        await Expect(editor.Locator(".dialog-fehler-eintrag")).ToHaveTextAsync(["Stufe 3: Der Anteil muss zwischen 1 und 100 % liegen."]);
        Assert.Equal(3, (await LoadAsync(fixture.Database, draft)).QuestionCount);
        await share.FillAsync("10");
        await editor.Locator(".dialog-speichern").ClickAsync();
        await Expect(editor).ToHaveCountAsync(0);
        await Expect(Row(page, draft).Locator(".turnier-beginn")).ToHaveTextAsync("01.12.2031 18:30");
        await Expect(Row(page, draft).Locator(".turnier-ende")).ToHaveTextAsync("01.12.2031 20:00");
        await Expect(Row(page, draft).Locator(".turnier-fragen")).ToHaveTextAsync("7");
        await Expect(Row(page, draft).Locator(".turnier-eintritt")).ToHaveAttributeAsync("data-eintritt", nameof(TournamentEntryFee.Ticket));
        var edited = await LoadAsync(fixture.Database, draft);
        Assert.Equal((new DateTimeOffset(2031, 12, 1, 17, 30, 0, TimeSpan.Zero), new DateTimeOffset(2031, 12, 1, 19, 0, 0, TimeSpan.Zero), 7, TournamentEntryFee.Ticket),
            (edited.StartsAt, edited.EndsAt, edited.QuestionCount, edited.EntryFee));

        // The Protokoll names the change with German counts ("2 Tickets", "3 Spiele"), as an operator reads it.
        await fixture.OpenAsync(page, $"/protokoll?betrifft={Uri.EscapeDataString(AuditLog.Tournament(draft))}&aktion={AuditActions.TournamentEdited}");
        var details = page.Locator(".protokoll-details");
        await Expect(details).ToContainTextAsync("Gewinne: Platz 1: 2 Tickets, 5 Joker | ");
        await Expect(details).ToContainTextAsync("→ Platz 1: 2 Tickets, 5 Joker, 3 Spiele | ");
        await fixture.OpenAsync(page, "/turniere");

        // One ranked player: the singular, not "1 gewertete Spieler".
        await Row(page, running).Locator(".aktion-rangliste").ClickAsync();
        await Expect(page.Locator(".rangliste-dialog .rangliste-stand")).ToContainTextAsync("1 gewerteter Spieler");
        await page.Locator(".rangliste-dialog .dialog-schliessen").ClickAsync();
        await Expect(page.Locator(".rangliste-dialog")).ToHaveCountAsync(0);

        // A second entrant's attempt is still open when the tournament is cancelled.
        await StartAsync(core, running, "Hans");
        await Row(page, running).Locator(".aktion-absagen").ClickAsync();
        var confirm = page.Locator(".mud-dialog");
        await Expect(confirm).ToContainTextAsync(AdminTexts.Tournaments.CancelQuestion);
        await confirm.GetByRole(AriaRole.Button, new() { Name = AdminTexts.Tournaments.CancelTournament, Exact = true }).ClickAsync();
        await Expect(Row(page, running).Locator(".turnier-status")).ToHaveAttributeAsync("data-status", nameof(TournamentState.Cancelled));
        await Expect(Row(page, running).Locator(".aktion-absagen")).ToHaveCountAsync(0);

        await using var db = fixture.Database.CreateContext();
        Assert.Equal(TournamentState.Cancelled, (await LoadAsync(fixture.Database, running)).State);
        var notices = $"tournament-cancel:{running:N}:";
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.IdempotencyKey!.StartsWith(notices)));
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(running));
        Assert.Contains(audit, a => (a.Action, a.Actor) == (AuditActions.TournamentCancelled, AdminName));
        Assert.Contains(await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(draft)), a => (a.Action, a.Actor) == (AuditActions.TournamentEdited, AdminName));
        await fixture.OpenAsync(page, $"/protokoll?betrifft={Uri.EscapeDataString(AuditLog.Tournament(running))}&aktion={AuditActions.TournamentCancelled}");
        await Expect(page.Locator(".protokoll-details")).ToHaveTextAsync("2 Teilnehmer, 0 Tickets zurück, 1 offener Versuch beendet");
    }

    /// <summary>A new player joins the running tournament and gets the first question, but answers nothing.</summary>
    private static async Task StartAsync(CoreServices core, Guid tournamentId, string firstName)
    {
        var identity = new PlayerIdentity(Random.Shared.NextInt64(1_000_000, long.MaxValue), firstName, null, "de");
        var player = (await core.Get<PlayerDirectory>().TouchAsync(identity)).Id;
        await using var scope = core.Scope();
        var tournaments = scope.Get<TournamentService>();
        Assert.Equal(JoinOutcome.Joined, (await tournaments.JoinAsync(player, tournamentId)).Outcome);
        Assert.NotNull((await tournaments.PlayAsync(player, tournamentId)).SessionId);
    }

    [Fact]
    public async Task Belohnungen_vergeben_after_a_ban_says_1_gesperrter_Spieler_in_the_Protokoll()
    {
        await QuestionsAsync(fixture.Database);
        await using var core = fixture.Database.Core(TimeProvider.System);
        var (id, _) = await TournamentAsync(core, TournamentState.Active);
        await PlayAsync(core, id, "Greta");
        var cheat = await PlayAsync(core, id, "Hans");
        Assert.Equal(TransitionOutcome.Changed, await TournamentConsole.Admin(core).FinishNowAsync(id, Setup));
        await core.Get<PlayerModeration>().BanAsync(cheat, "Absprachen", Setup);
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, AdminName);
        await fixture.OpenAsync(page, "/turniere");

        await Row(page, id).Locator(".aktion-belohnen").ClickAsync();
        await Expect(Row(page, id).Locator(".turnier-status")).ToHaveAttributeAsync("data-status", nameof(TournamentState.Rewarded));

        await fixture.OpenAsync(page, $"/protokoll?aktion={AuditActions.TournamentRankingCorrected}&betrifft={Uri.EscapeDataString(AuditLog.Tournament(id))}");
        await Expect(page.Locator(".protokoll-details")).ToHaveTextAsync("1 gesperrter oder zurückgestellter Spieler aus der Wertung genommen");
        await Expect(page.Locator(".protokoll-wer")).ToHaveTextAsync(AdminName);
    }

    private static ILocator Row(IPage page, Guid id) =>
        page.Locator(".turnier-tabelle tbody tr").Filter(new() { Has = page.Locator($"[data-turnier='{id}']") });
}
