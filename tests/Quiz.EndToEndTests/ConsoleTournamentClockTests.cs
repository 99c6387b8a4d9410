using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Core.Audit;
using Quiz.Core.Common;
using Quiz.Core.Tournaments;

namespace Quiz.EndToEndTests;

/// <summary>
/// Issue #15 item 2, "the worker's triggers follow": an operator moves a planned tournament's start from two hours ahead to
/// the next minutes in "Turniere"; the running worker starts it then, not at the old time. A script then cancels it through
/// the admin API's <c>…/cancel</c>.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class ConsoleTournamentClockTests(AppModelFixture fixture)
{
    /// <summary>The new start is one to two minutes ahead; the clock job looks every few seconds.</summary>
    private static readonly TimeSpan WorkerPatience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task An_operator_moves_a_planned_start_forward_in_Turniere_and_the_worker_starts_the_tournament_at_the_new_time()
    {
        var desk = new TournamentDesk(fixture);
        var title = "Vorgezogen " + Guid.NewGuid().ToString("N")[..6];
        var id = await desk.OpenAsync(title, "free", questions: 3, duration: TimeSpan.FromHours(4), start: false, startsIn: TimeSpan.FromHours(2));
        var berlin = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(2), BerlinDay.Zone);
        var target = new DateTimeOffset(berlin.Year, berlin.Month, berlin.Day, berlin.Hour, berlin.Minute, 0, berlin.Offset);

        await using (var console = await ConsoleBrowser.SignInAsync(fixture, "/turniere"))
        {
            var page = console.Page;
            var row = page.Locator(".turnier-tabelle tbody tr").Filter(new() { Has = page.Locator($"[data-turnier='{id}']") });
            await row.Locator(".aktion-bearbeiten").ClickAsync();
            var date = page.Locator(".turnier-dialog .feld-beginn-datum input");
            await date.FillAsync(target.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
            await date.PressAsync("Tab");
            var time = page.Locator(".turnier-dialog .feld-beginn-zeit input");
            await time.FillAsync(target.ToString("HH:mm", CultureInfo.InvariantCulture));
            await time.PressAsync("Tab");
            await page.ClickAsync(".turnier-dialog .dialog-speichern");
            await Assertions.Expect(page.Locator(".turnier-dialog")).ToHaveCountAsync(0);
            await Assertions.Expect(row.Locator(".turnier-beginn")).ToHaveTextAsync(target.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture));
            await Assertions.Expect(row.Locator(".turnier-status")).ToHaveAttributeAsync("data-status", nameof(TournamentState.Scheduled));

            await Eventually.HoldsAsync(async () =>
            {
                await using var db = fixture.Database();
                return await db.Tournaments.AnyAsync(t => t.Id == id && t.State == TournamentState.Active);
            }, WorkerPatience);
            await page.ReloadAsync();
            await Assertions.Expect(row.Locator(".turnier-status")).ToHaveAttributeAsync("data-status", nameof(TournamentState.Active));
        }

        await using (var db = fixture.Database())
        {
            var started = await db.Tournaments.AsNoTracking().SingleAsync(t => t.Id == id);
            Assert.Equal(target.UtcDateTime, started.StartsAt.UtcDateTime);
            Assert.Contains(await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id)), a => (a.Action, a.Actor) == (AuditActions.TournamentEdited, "Lokaler Operator"));
        }
        Assert.Equal("cancelled", (await desk.StepAsync(id, "cancel")).GetProperty("state").GetString());
        await using var check = fixture.Database();
        Assert.Equal(TournamentState.Cancelled, await check.Tournaments.Where(t => t.Id == id).Select(t => t.State).SingleAsync());
    }
}
