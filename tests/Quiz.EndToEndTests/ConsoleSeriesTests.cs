using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Core.Audit;
using Quiz.Core.Common;
using Quiz.Core.Tournaments;

namespace Quiz.EndToEndTests;

/// <summary>
/// An operator creates a weekly series in "Turniere" → "Serien" (ADR 0022); the running worker plans its next Sunday as
/// a scheduled tournament, which appears in the tournament list with the title pattern filled in.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class ConsoleSeriesTests(AppModelFixture fixture)
{
    /// <summary>The worker's series job runs every minute; its first run after the save is at most that far away.</summary>
    private static readonly TimeSpan WorkerPatience = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task An_operator_creates_a_weekly_series_and_the_worker_planned_next_occurrence_shows_up_in_the_tournament_list()
    {
        var prefix = "Wochenserie " + Guid.NewGuid().ToString("N")[..6];
        await using var console = await ConsoleBrowser.SignInAsync(fixture, "/turniere");
        var page = console.Page;

        await console.ClickUntilAsync(page.Locator(".serie-neu"), page.Locator(".serie-dialog"));
        await page.FillAsync(".serie-dialog .feld-muster input", prefix + " {datum} #{nr}");
        await page.FillAsync(".serie-dialog .feld-fragen input", "3");
        await Assertions.Expect(page.Locator(".serie-dialog .serie-vorschau")).ToContainTextAsync(prefix);
        await page.ClickAsync(".serie-dialog .dialog-speichern");
        await Assertions.Expect(page.Locator(".serie-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".serien-tabelle .serie-muster", new() { HasText = prefix })).ToHaveCountAsync(1);

        var planned = await PlannedAsync(prefix);
        var expected = $"{prefix} {planned.SeriesDay!.Value:dd.MM.yyyy} #1";
        Assert.Equal((expected, TournamentState.Scheduled, DayOfWeek.Sunday), (planned.Title, planned.State, planned.SeriesDay.Value.DayOfWeek));
        Assert.Equal(new TimeOnly(20, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(planned.StartsAt, BerlinDay.Zone).DateTime));

        await page.ReloadAsync();
        await page.Locator(".quiz-console[data-interactive='true']").WaitForAsync();
        var row = page.Locator(".turnier-tabelle tbody tr").Filter(new() { Has = page.Locator($"[data-turnier='{planned.Id}']") });
        await Assertions.Expect(row.Locator(".turnier-titel")).ToHaveTextAsync(expected);
        await Assertions.Expect(row.Locator(".turnier-status")).ToHaveAttributeAsync("data-status", nameof(TournamentState.Scheduled));
        await Assertions.Expect(page.Locator(".serien-tabelle tr", new() { HasText = prefix }).Locator(".serie-naechster-titel")).ToHaveTextAsync(expected);
        // At 1280 px the series table fits its container, "Pausieren" included (issue #15 item 7).
        await Assertions.Expect(page.Locator(".serien-tabelle tr", new() { HasText = prefix }).Locator(".serie-pausieren")).ToBeInViewportAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "(() => { const c = document.querySelector('.serien-tabelle .mud-table-container'); return c.scrollWidth - c.clientWidth; })()"));

        await using var db = fixture.Database();
        var audit = await db.AuditEntries.Where(a => a.Subject == AuditLog.TournamentSeries(planned.SeriesId!.Value)).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditActions.TournamentSeriesCreated], audit);
    }

    /// <summary>The first tournament the worker planned for the series titled <paramref name="prefix"/>.</summary>
    private async Task<Tournament> PlannedAsync(string prefix)
    {
        Tournament? planned = null;
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = fixture.Database();
            planned = await db.Tournaments.AsNoTracking()
                .Where(t => db.TournamentSeries.Any(s => s.Id == t.SeriesId && s.TitlePattern.StartsWith(prefix)))
                .OrderBy(t => t.SeriesNumber).FirstOrDefaultAsync();
            return planned is not null;
        }, WorkerPatience);
        return planned!;
    }
}
