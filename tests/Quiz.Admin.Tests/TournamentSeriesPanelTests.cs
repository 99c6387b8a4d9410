using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Texts;
using Quiz.Core.Audit;
using Quiz.Core.Tournaments;
using Quiz.Core.Tournaments.Series;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;
using static Quiz.Admin.Tests.Infrastructure.TournamentConsole;

namespace Quiz.Admin.Tests;

/// <summary>"Serien" on the Turniere page (ADR 0022): the dialog checks in German and previews the next title; the list names the next start; changes are admins' and audited.</summary>
public sealed class TournamentSeriesPanelTests(PostgresDatabase database) : CoreTests(database)
{
    private const string AdminName = "Anna Admin";

    [Fact]
    public async Task Neue_Serie_is_checked_in_German_previews_the_next_title_and_is_listed_with_its_next_start_once_valid()
    {
        var pattern = $"Sonntagsrunde {Guid.NewGuid():N}"[..22] + " {datum}";
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx);
        await cut.InvokeAsync(() => cut.Find(".serie-neu").Click());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".serie-dialog .feld-muster input")), Patience);

        await dialogs.InvokeAsync(() => dialogs.Find(".feld-muster input").Input("Turnier {date}"));
        await dialogs.InvokeAsync(() => dialogs.Find(".tag-sunday input").Change(false));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-vorlauf input").Input("40"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());
        dialogs.WaitForAssertion(() => Assert.Equal(
            [
                "Unbekannter Platzhalter {date}; möglich sind {datum}, {nr}, {wochentag}, {uhrzeit}.",
                "Mindestens ein Wochentag ist nötig.",
                "Turniere werden 1 bis 28 Tage im Voraus angelegt.",
            ],
            dialogs.FindAll(".dialog-fehler-eintrag").Select(e => e.TextContent.Trim())), Patience);
        Assert.Empty(dialogs.FindAll(".serie-vorschau"));

        await dialogs.InvokeAsync(() => dialogs.Find(".feld-muster input").Input(pattern));
        await dialogs.InvokeAsync(() => dialogs.Find(".tag-sunday input").Change(true));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-vorlauf input").Input("7"));
        var next = SeriesSchedule.Next(SeriesWeekdays.Mask([DayOfWeek.Sunday]), new TimeOnly(20, 0), DateTimeOffset.UtcNow)!;
        dialogs.WaitForAssertion(() => Assert.Contains(
            $"„{pattern.Replace("{datum}", next.Day.ToString("dd.MM.yyyy"))}“", dialogs.Find(".serie-vorschau").TextContent), Patience);
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".serie-dialog")), Patience);
        await using var db = Database.CreateContext();
        var stored = await db.TournamentSeries.AsNoTracking().SingleAsync(s => s.TitlePattern == pattern);
        Assert.Equal((SeriesWeekdays.Mask([DayOfWeek.Sunday]), new TimeOnly(20, 0), 60, 10, 7, false),
            (stored.WeekdayMask, stored.StartTime, stored.DurationMinutes, stored.QuestionCount, stored.HorizonDays, stored.Paused));
        var created = Assert.Single(await AuditLog.ForSubjectAsync(db, AuditLog.TournamentSeries(stored.Id)));
        Assert.Equal((AuditActions.TournamentSeriesCreated, AdminName), (created.Action, created.Actor));
        cut.WaitForAssertion(() => Assert.Contains(AdminTexts.Series.NotYetPlanned, SeriesRow(cut, stored.Id).QuerySelector(".serie-naechster")!.TextContent), Patience);
        Assert.Contains(AdminFormat.Moment(next.StartsAt), SeriesRow(cut, stored.Id).QuerySelector(".serie-naechster")!.TextContent);
        Assert.Equal("So 20:00 · 60 min", SeriesRow(cut, stored.Id).QuerySelector(".serie-rhythmus")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_admin_pauses_resumes_and_edits_a_series_audited_and_a_moderator_is_refused_on_the_click()
    {
        var id = await SeriesAsync();
        await using (var moderator = NewContext(Core, "Mara Moderatorin", AdminRoles.Moderator))
        {
            var panel = moderator.Render<TournamentSeriesPanel>();
            panel.WaitForAssertion(() => Assert.NotNull(panel.Find($"[data-serie='{id}']")), Patience);
            await panel.InvokeAsync(() => SeriesRow(panel, id).QuerySelector(".serie-pausieren")!.Click());
            Assert.Contains(moderator.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == AdminTexts.Series.AdminOnly);
        }
        Assert.False((await Core.Get<SeriesAdministration>().GetAsync(id))!.Paused);

        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-serie='{id}']")), Patience);
        await cut.InvokeAsync(() => SeriesRow(cut, id).QuerySelector(".serie-pausieren")!.Click());
        cut.WaitForAssertion(() => Assert.Equal("true", SeriesRow(cut, id).QuerySelector(".serie-status")!.GetAttribute("data-pausiert")), Patience);
        Assert.Equal(AdminTexts.Series.NoNext, SeriesRow(cut, id).QuerySelector(".serie-naechster")!.TextContent.Trim());
        await cut.InvokeAsync(() => SeriesRow(cut, id).QuerySelector(".serie-fortsetzen")!.Click());
        cut.WaitForAssertion(() => Assert.Equal("false", SeriesRow(cut, id).QuerySelector(".serie-status")!.GetAttribute("data-pausiert")), Patience);

        await cut.InvokeAsync(() => SeriesRow(cut, id).QuerySelector(".serie-bearbeiten")!.Click());
        dialogs.WaitForAssertion(() => Assert.True(dialogs.Find(".tag-saturday input").HasAttribute("checked")), Patience);
        Assert.False(dialogs.Find(".tag-sunday input").HasAttribute("checked"));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-fragen input").Input("12"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".serie-dialog")), Patience);

        Assert.Equal(12, (await Core.Get<SeriesAdministration>().GetAsync(id))!.QuestionCount);
        await using var db = Database.CreateContext();
        Assert.Equal(
            [(AuditActions.TournamentSeriesPaused, AdminName), (AuditActions.TournamentSeriesResumed, AdminName), (AuditActions.TournamentSeriesEdited, AdminName)],
            (await AuditLog.ForSubjectAsync(db, AuditLog.TournamentSeries(id))).Where(a => a.Actor == AdminName).Select(a => (a.Action, a.Actor)));
    }

    private async Task<Guid> SeriesAsync()
    {
        var draft = new TournamentSeriesDraft($"Samstag {Guid.NewGuid():N}"[..20] + " {nr}", [DayOfWeek.Saturday], new TimeOnly(18, 0), 45, TournamentEntryFee.Ticket, 5, 3);
        var created = await Core.Get<SeriesAdministration>().CreateAsync(draft, Setup);
        return created.Id!.Value;
    }

    private static AngleSharp.Dom.IElement SeriesRow<T>(IRenderedComponent<T> cut, Guid id) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll(".serien-tabelle tbody tr").Single(tr => tr.QuerySelector($"[data-serie='{id}']") is not null);
}
