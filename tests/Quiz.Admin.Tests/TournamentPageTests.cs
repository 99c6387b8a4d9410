using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Layout;
using Quiz.Admin.Components.Pages;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Admin.Texts;
using Quiz.Core.Audit;
using Quiz.Core.Tournaments;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;
using static Quiz.Admin.Tests.Infrastructure.TournamentConsole;

namespace Quiz.Admin.Tests;

public sealed class TournamentPageTests(PostgresDatabase database) : CoreTests(database)
{
    private const string AdminName = "Anna Admin";

    [Fact]
    public async Task Neues_Turnier_is_checked_in_German_and_stored_as_a_draft_once_valid()
    {
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx);
        await using var db = Database.CreateContext();

        await cut.InvokeAsync(() => cut.Find(".turnier-neu").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(".feld-titel input")), Patience);
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-fragen input").Input("50"));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-beginn-datum input").Change("01.12.2030"));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-beginn-zeit input").Change("18:00"));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-ende-datum input").Change("01.12.2030"));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-ende-zeit input").Change("18:03"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".dialog-fehler-eintrag")), Patience);
        var errors = dialogs.FindAll(".dialog-fehler-eintrag").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("Der Titel fehlt.", errors);
        Assert.Contains("Ein Turnier hat 3 bis 30 Fragen.", errors);
        Assert.Contains("Das Turnier muss mindestens 5 Minuten dauern (Ende nach Beginn).", errors);
        Assert.False(await db.Tournaments.AnyAsync(t => t.CreatedBy == AdminName));

        await dialogs.InvokeAsync(() => dialogs.Find(".feld-titel input").Input("Sonntagsturnier"));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-fragen input").Input("7"));
        await dialogs.InvokeAsync(() => dialogs.Find(".eintritt-ticket input").Click());
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-ende-zeit input").Change("20:30"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".turnier-dialog")), Patience);
        var stored = await db.Tournaments.AsNoTracking().SingleAsync(t => t.CreatedBy == AdminName);
        Assert.Equal(("Sonntagsturnier", TournamentState.Draft, TournamentEntryFee.Ticket, 7), (stored.Title, stored.State, stored.EntryFee, stored.QuestionCount));
        Assert.Equal(
            (new DateTimeOffset(2030, 12, 1, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 12, 1, 19, 30, 0, TimeSpan.Zero)),
            (stored.StartsAt, stored.EndsAt));
        cut.WaitForAssertion(() => Assert.Equal("Draft", StateOf(cut, stored.Id)), Patience);
        var row = Row(cut, stored.Id);
        Assert.Equal("Entwurf", row.QuerySelector(".turnier-status")!.TextContent.Trim());
        Assert.Equal("Turnier-Ticket", row.QuerySelector(".turnier-eintritt")!.TextContent.Trim());
        Assert.Equal(("01.12.2030 18:00", "01.12.2030 20:30"), (row.QuerySelector(".turnier-beginn")!.TextContent.Trim(), row.QuerySelector(".turnier-ende")!.TextContent.Trim()));
        Assert.Equal([AuditActions.TournamentCreated], (await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(stored.Id))).Select(a => a.Action));
    }

    [Fact]
    public async Task Planen_schedules_the_draft_in_the_admins_name()
    {
        var (id, _) = await TournamentAsync(Core, TournamentState.Draft);
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx, id);
        Assert.Equal("Draft", StateOf(cut, id));

        await cut.InvokeAsync(() => Row(cut, id).QuerySelector(".aktion-planen")!.Click());
        dialogs.WaitForAssertion(() => Assert.Contains(AdminTexts.Tournaments.ScheduleQuestion, dialogs.Markup), Patience);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Planen").Click());

        cut.WaitForAssertion(() => Assert.Equal("Scheduled", StateOf(cut, id)), Patience);
        Assert.Equal("Geplant", Row(cut, id).QuerySelector(".turnier-status")!.TextContent.Trim());
        Assert.NotNull(Row(cut, id).QuerySelector(".aktion-starten"));
        Assert.Equal(TournamentState.Scheduled, (await LoadAsync(Database, id)).State);
        await using var db = Database.CreateContext();
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id));
        Assert.Equal((AuditActions.TournamentScheduled, AdminName), (audit[^1].Action, audit[^1].Actor));
    }

    [Fact]
    public async Task Planen_asks_first_and_Abbrechen_leaves_the_draft_closed_to_players()
    {
        var (id, title) = await TournamentAsync(Core, TournamentState.Draft);
        var startsAt = (await LoadAsync(Database, id)).StartsAt;
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx, id);

        await cut.InvokeAsync(() => Row(cut, id).QuerySelector(".aktion-planen")!.Click());

        dialogs.WaitForAssertion(() => Assert.Contains(AdminTexts.Tournaments.ScheduleQuestion, dialogs.Markup), Patience);
        Assert.Contains($"Planen: {title} ({AdminFormat.Moment(startsAt)}, {AdminFormat.ShortId(id)})", dialogs.Markup);
        Assert.Equal(TournamentState.Draft, (await LoadAsync(Database, id)).State);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Abbrechen").Click());

        dialogs.WaitForAssertion(() => Assert.DoesNotContain(AdminTexts.Tournaments.ScheduleQuestion, dialogs.Markup), Patience);
        Assert.Equal("Draft", StateOf(cut, id));
        Assert.Equal(TournamentState.Draft, (await LoadAsync(Database, id)).State);
        await using var db = Database.CreateContext();
        Assert.DoesNotContain(await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id)), a => a.Action == AuditActions.TournamentScheduled);
    }

    [Fact]
    public async Task Tournaments_of_the_same_title_are_told_apart_by_start_time_and_short_id()
    {
        var title = $"Gleich {Guid.NewGuid():N}"[..16];
        var start = new DateTimeOffset(2031, 3, 2, 19, 0, 0, TimeSpan.Zero);
        var first = (await TournamentConsole.Admin(Core).CreateAsync(new TournamentDraft(title, start, start.AddHours(1), TournamentEntryFee.Free, 5), Setup)).Id!.Value;
        var second = (await TournamentConsole.Admin(Core).CreateAsync(new TournamentDraft(title, start.AddDays(7), start.AddDays(7).AddHours(1), TournamentEntryFee.Free, 5), Setup)).Id!.Value;
        Assert.NotEqual(AdminFormat.ShortId(first), AdminFormat.ShortId(second));
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx, second);

        Assert.Equal(AdminFormat.ShortId(first), Row(cut, first).QuerySelector(".turnier-kurz-id")!.TextContent.Trim());
        Assert.Equal(AdminFormat.ShortId(second), Row(cut, second).QuerySelector(".turnier-kurz-id")!.TextContent.Trim());
        Assert.EndsWith(AdminFormat.ShortId(second)[1..], AuditLog.Tournament(second), StringComparison.Ordinal);
        Assert.Equal(("02.03.2031 20:00", "09.03.2031 20:00"),
            (Row(cut, first).QuerySelector(".turnier-beginn")!.TextContent.Trim(), Row(cut, second).QuerySelector(".turnier-beginn")!.TextContent.Trim()));

        await cut.InvokeAsync(() => Row(cut, second).QuerySelector(".aktion-planen")!.Click());
        dialogs.WaitForAssertion(() => Assert.Contains($"Planen: {title} (09.03.2031 20:00, {AdminFormat.ShortId(second)})", dialogs.Markup), Patience);
        Assert.DoesNotContain(AdminFormat.ShortId(first), dialogs.Markup);
    }

    [Fact]
    public async Task Jetzt_starten_asks_first_and_starts_the_tournament()
    {
        await QuestionsAsync(Database);
        var (id, _) = await TournamentAsync(Core, TournamentState.Scheduled);
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx, id);

        await cut.InvokeAsync(() => Row(cut, id).QuerySelector(".aktion-starten")!.Click());
        dialogs.WaitForAssertion(() => Assert.Contains(AdminTexts.Tournaments.StartQuestion, dialogs.Markup), Patience);
        Assert.Equal(TournamentState.Scheduled, (await LoadAsync(Database, id)).State);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Jetzt starten").Click());

        cut.WaitForAssertion(() => Assert.Equal("Active", StateOf(cut, id)), Patience);
        Assert.Equal("Läuft", Row(cut, id).QuerySelector(".turnier-status")!.TextContent.Trim());
        var stored = await LoadAsync(Database, id);
        Assert.Equal(TournamentState.Active, stored.State);
        Assert.NotNull(stored.QuestionSetId);
    }

    [Fact]
    public async Task Rangliste_of_a_running_tournament_shows_the_ranked_player_provisionally()
    {
        await QuestionsAsync(Database);
        var (id, _) = await TournamentAsync(Core, TournamentState.Active);
        var player = await PlayAsync(Core, id, "Greta");
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx, id);
        Assert.Equal(("1", "0"), (Row(cut, id).QuerySelector(".turnier-teilnehmer")!.TextContent.Trim(), Row(cut, id).QuerySelector(".turnier-gewertet")!.TextContent.Trim()));

        await cut.InvokeAsync(() => Row(cut, id).QuerySelector(".aktion-rangliste")!.Click());

        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find($".rang-platz[data-spieler='{player}']")), Patience);
        var line = dialogs.Find($".rang-platz[data-spieler='{player}']").ParentElement!;
        Assert.Equal(("1", "Greta", "3"), (line.QuerySelector(".rang-platz")!.TextContent.Trim(), line.QuerySelector(".rang-name")!.TextContent.Trim(), line.QuerySelector(".rang-richtig")!.TextContent.Trim()));
        Assert.Equal("false", dialogs.Find(".rangliste-stand").GetAttribute("data-final"));
        Assert.Contains(AdminFormat.ShortId(id), dialogs.Markup);
    }

    [Fact]
    public async Task Jetzt_beenden_finishes_then_Belohnungen_vergeben_rewards_and_Rangliste_shows_the_reward()
    {
        await QuestionsAsync(Database);
        var (id, _) = await TournamentAsync(Core, TournamentState.Active);
        var player = await PlayAsync(Core, id, "Hanno");
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx, id);

        await cut.InvokeAsync(() => Row(cut, id).QuerySelector(".aktion-beenden")!.Click());
        dialogs.WaitForAssertion(() => Assert.Contains(AdminTexts.Tournaments.FinishQuestion, dialogs.Markup), Patience);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Jetzt beenden").Click());

        cut.WaitForAssertion(() => Assert.Equal("Finished", StateOf(cut, id)), Patience);
        Assert.Equal("1", Row(cut, id).QuerySelector(".turnier-gewertet")!.TextContent.Trim());
        Assert.Equal(TournamentState.Finished, (await LoadAsync(Database, id)).State);

        await cut.InvokeAsync(() => Row(cut, id).QuerySelector(".aktion-belohnen")!.Click());
        cut.WaitForAssertion(() => Assert.Equal("Rewarded", StateOf(cut, id)), Patience);
        Assert.Equal(TournamentState.Rewarded, (await LoadAsync(Database, id)).State);

        await cut.InvokeAsync(() => Row(cut, id).QuerySelector(".aktion-rangliste")!.Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find($".rang-platz[data-spieler='{player}']")), Patience);
        var line = dialogs.Find($".rang-platz[data-spieler='{player}']").ParentElement!;
        Assert.Equal(("1", "Hanno", "Platz 1"), (line.QuerySelector(".rang-platz")!.TextContent.Trim(), line.QuerySelector(".rang-name")!.TextContent.Trim(), line.QuerySelector(".rang-belohnung")!.TextContent.Trim()));
        Assert.Equal("true", dialogs.Find(".rangliste-stand").GetAttribute("data-final"));
        await using var db = Database.CreateContext();
        Assert.Equal(
            [(AuditActions.TournamentFinished, AdminName), (AuditActions.TournamentRewarded, AdminName)],
            (await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id))).Where(a => a.Actor == AdminName).Select(a => (a.Action, a.Actor)));
    }

    [Fact]
    public async Task A_moderator_does_not_get_Turniere_and_cannot_plan_even_when_the_page_is_rendered()
    {
        var turniere = typeof(TournamentPage).GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
        Assert.Contains(turniere, a => a.Policy == AdminRoles.ConsolePolicy);
        Assert.Contains(turniere, a => a.Roles == AdminRoles.Admin);
        Assert.Equal("/turniere", typeof(TournamentPage).GetCustomAttribute<Microsoft.AspNetCore.Components.RouteAttribute>()?.Template);
        Assert.Contains(NavItems.All, item => item is { Href: "/turniere", Title: "Turniere", Roles: AdminRoles.Admin });

        var (id, _) = await TournamentAsync(Core, TournamentState.Draft);
        await using var ctx = NewContext(Core, "Mara Moderatorin", AdminRoles.Moderator);
        var (cut, _) = Open(ctx, id);
        await cut.InvokeAsync(() => Row(cut, id).QuerySelector(".aktion-planen")!.Click());

        Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == AdminTexts.Tournaments.AdminOnly);
        Assert.Equal(TournamentState.Draft, (await LoadAsync(Database, id)).State);
    }

    [Fact]
    public void Every_state_has_a_German_label()
    {
        Assert.Equal(["Entwurf", "Geplant", "Läuft", "Beendet", "Belohnt", "Abgesagt"], Enum.GetValues<TournamentState>().Select(AdminTexts.Tournaments.Describe));
        Assert.Equal(["kostenlos", "Turnier-Ticket"], Enum.GetValues<TournamentEntryFee>().Select(AdminTexts.Tournaments.Describe));
    }
}
