using Microsoft.Playwright;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Core.Common;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Operations.Dashboard;
using Quiz.Core.Tournaments;
using Quiz.Testing;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Admin.Tests;

/// <summary>
/// Issue #15 item 1 end to end: known rows on one Berlin day ten days ago, the worker's rollup over PostgreSQL, and every
/// chart of the Übersicht in Chromium shows that day's figures (opened as an operator does, "Werte als Tabelle").
/// </summary>
public sealed class OverviewChartsBrowserTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    [Fact]
    public async Task Each_chart_shows_the_days_players_retention_games_answers_stars_premium_and_entrants_from_the_database()
    {
        var day = BerlinDay.Containing(DateTimeOffset.UtcNow).Day.AddDays(-10);
        await SeedAsync(BerlinDay.StartOf(day));
        await using (var core = fixture.Database.Core(TimeProvider.System))
        {
            await core.Get<DailyRollup>().RunAsync();
        }
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Alice Admin");
        await fixture.OpenAsync(page, "/");
        var label = day.ToString("dd.MM.", System.Globalization.CultureInfo.InvariantCulture);

        async Task ExpectAsync(string chart, string series, string value)
        {
            var table = page.Locator($"[data-diagramm='{chart}'] details.diagramm-tabelle");
            if (await table.GetAttributeAsync("open") is null) await table.Locator("summary").ClickAsync();
            await Expect(table.Locator($"tr[data-tag='{label}'] td[data-reihe='{series}']")).ToHaveTextAsync(value);
        }

        await Expect(page.Locator(".uebersicht-diagramme .diagramm-zeichnung")).ToHaveCountAsync(8);
        await ExpectAsync("spieler", "Aktive Spieler", "2");
        await ExpectAsync("spieler", "Neue Spieler", "3");
        await ExpectAsync("bindung", "Wiedergekommen", "33,3 %");
        await ExpectAsync("spiele", "Schnelles Spiel", "1");
        await ExpectAsync("spiele", "Überleben", "1");
        await ExpectAsync("spiele", "Kategorie", "1");
        await ExpectAsync("spiele", "Tagesquiz", "0");
        await ExpectAsync("antworten", "Antworten", "3");
        await ExpectAsync("trefferquote", "Richtig (%)", "66,7 %");
        await ExpectAsync("umsatz", "Brutto", "1.450");
        await ExpectAsync("umsatz", "Erstattet", "100");
        await ExpectAsync("umsatz", "Netto", "1.350");
        await ExpectAsync("premium", "Premium-Abos", "1");
        await ExpectAsync("turniere", "Anmeldungen", "2");

        // The day a new player came back counts them as active, not as new; the open-work tiles lead to their pages.
        label = day.AddDays(3).ToString("dd.MM.", System.Globalization.CultureInfo.InvariantCulture);
        await ExpectAsync("spieler", "Aktive Spieler", "1");
        await ExpectAsync("spieler", "Neue Spieler", "0");
        await page.Locator("[data-kennzahl='markiert'] .kennzahl-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Markiert", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>
    /// From <paramref name="start"/> (a Berlin midnight): A (quick game, one right and one wrong answer, back three days later),
    /// B (survival, one right answer), C (a category game, no answer); 50 + 1,000 (Premium) + 400 Stars paid, B's 100 given back
    /// the same day; B and C enter a tournament.
    /// </summary>
    private async Task SeedAsync(DateTimeOffset start)
    {
        DateTimeOffset At(int hour, int minute = 0) => start.AddHours(hour).AddMinutes(minute);
        await using var db = fixture.Database.CreateContext();
        var (a, quick) = await TestData.SeedGameAsync(db, At(10), questions: 3);
        var (b, survival) = await TestData.SeedGameAsync(db, At(11));
        var (c, category) = await TestData.SeedGameAsync(db, At(12));
        (survival.Mode, category.Mode, category.CategoryId) = (GameMode.Survival, GameMode.Category, "geografie");
        TestData.Answer(db, quick, 0, correct: true, At(10, 5));
        TestData.Answer(db, quick, 1, correct: false, At(10, 6));
        TestData.Answer(db, quick, 2, correct: true, At(3 * 24 + 10));
        TestData.Answer(db, survival, 0, correct: true, At(11, 5));
        db.Purchases.Add(TestData.Paid(a.Id, 50, At(10, 10)));
        var premium = TestData.Paid(a.Id, 1000, At(10, 11));
        (premium.IsRecurring, premium.SubscriptionExpiresAt) = (true, At(10, 11).AddDays(30));
        db.Purchases.Add(premium);
        db.Purchases.Add(TestData.Paid(c.Id, 300, At(12, 30)));
        var refunded = TestData.Paid(b.Id, 100, At(11, 10));
        (refunded.Status, refunded.RefundedAt) = (PurchaseStatus.Refunded, At(12));
        db.Purchases.Add(refunded);
        var tournament = new Tournament
        {
            Id = Guid.NewGuid(), Title = "Vor zehn Tagen", State = TournamentState.Scheduled, EntryFee = TournamentEntryFee.Free, QuestionCount = 3,
            StartsAt = At(20), EndsAt = At(21), CreatedBy = "Test", CreatedAt = At(9),
        };
        db.Tournaments.Add(tournament);
        db.TournamentEntries.Add(new TournamentEntry { TournamentId = tournament.Id, PlayerId = b.Id, JoinedAt = At(11, 20) });
        db.TournamentEntries.Add(new TournamentEntry { TournamentId = tournament.Id, PlayerId = c.Id, JoinedAt = At(12, 10) });
        await db.SaveChangesAsync();
    }
}
