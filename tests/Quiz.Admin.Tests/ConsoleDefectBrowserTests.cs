using Quiz.Admin.Tests.Infrastructure;
using Quiz.Core.Audit;
using Quiz.Core.Economy;
using Quiz.Core.Players;
using Quiz.Core.Privacy;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Admin.Tests;

/// <summary>
/// Defects of issue #15 as an operator met them, now in Chromium against PostgreSQL: every difficulty read "4"; a flagged
/// payment's reason was English and its count read "Zahlung(en)"; a deleted account's Protokoll line read "1 Käufe".
/// </summary>
public sealed class ConsoleDefectBrowserTests(OidcConsoleFixture fixture) : IClassFixture<OidcConsoleFixture>
{
    [Fact]
    public async Task Difficulty_reads_leicht_mittel_schwer_in_the_filter_and_the_editor_and_the_one_chosen_is_saved()
    {
        await QuestionConsole.CategoryAsync(fixture.Database, "stufen", "Stufen");
        await QuestionConsole.QuestionAsync(fixture.Database, "stf-leicht", "stufen", "Eine leichte Frage?");
        await QuestionConsole.QuestionAsync(fixture.Database, "stf-mittel", "stufen", "Eine mittlere Frage?");
        await using (var db = fixture.Database.CreateContext())
        {
            var middle = await db.Questions.FindAsync("stf-mittel");
            middle!.Difficulty = 2;
            await db.SaveChangesAsync();
        }
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Mia Moderatorin");
        await fixture.OpenAsync(page, "/fragen");
        await page.Locator(".filter-suche input").FillAsync("stf-");
        await Expect(page.Locator(".fragen-tabelle tbody tr")).ToHaveCountAsync(2);

        var options = page.Locator(".mud-popover-open .mud-list-item");
        await page.Locator(".filter-schwierigkeit [role='combobox']").ClickAsync();
        await Expect(options).ToHaveTextAsync(["Alle", "1 · leicht", "2 · mittel", "3 · schwer"]);
        await OidcConsoleFixture.PickAsync(page.Locator(".filter-schwierigkeit"), "2 · mittel");
        await Expect(page.Locator(".fragen-tabelle tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator(".fragen-tabelle .frage-id")).ToHaveTextAsync("stf-mittel");
        await Expect(page.Locator(".fragen-tabelle .frage-schwierigkeit")).ToContainTextAsync("2 · mittel");

        await page.Locator(".fragen-tabelle .aktion-bearbeiten").ClickAsync();
        var editor = page.Locator(".frage-dialog");
        await editor.Locator(".feld-schwierigkeit [role='combobox']").ClickAsync();
        await Expect(options).ToHaveTextAsync(["1 · leicht", "2 · mittel", "3 · schwer"]);
        await OidcConsoleFixture.PickAsync(editor.Locator(".feld-schwierigkeit"), "3 · schwer");
        await editor.Locator(".dialog-speichern").ClickAsync();
        await Expect(editor).ToHaveCountAsync(0);

        Assert.Equal(3, (await QuestionConsole.LoadAsync(fixture.Database, "stf-mittel")).Difficulty);
        Assert.Equal(1, (await QuestionConsole.LoadAsync(fixture.Database, "stf-leicht")).Difficulty);
    }

    [Fact]
    public async Task A_flagged_payment_is_announced_in_the_singular_and_its_reason_is_German()
    {
        var telegram = Random.Shared.NextInt64(1_000_000, long.MaxValue);
        await using (var core = fixture.Database.Core(TimeProvider.System))
        {
            await core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegram, "Flora", null, "de"));
            await using var scope = core.Scope();
            var payment = new PaymentReceived(telegram, "kein-bekannter-payload", Package.Currency, 7, $"flag-{Guid.NewGuid():N}");
            Assert.Equal(ConfirmOutcome.Flagged, (await scope.Get<PurchaseConfirmation>().ConfirmAsync(payment)).Outcome);
        }
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Alice Admin");
        await fixture.OpenAsync(page, "/kaeufe");

        await Expect(page.Locator(".kaeufe-auffaellig")).ToContainTextAsync("1 auffällige Zahlung wartet auf eine Entscheidung.");
        await page.Locator(".kaeufe-auffaellig-zeigen").ClickAsync();
        await Expect(page.Locator(".kauf-status")).ToHaveCountAsync(1);
        await Expect(page.Locator(".kauf-status")).ToHaveAttributeAsync("data-status", nameof(PurchaseStatus.Flagged));
        await page.Locator(".aktion-details").ClickAsync();

        var reason = page.Locator(".kauf-detail .kauf-auffaellig");
        await Expect(reason).ToContainTextAsync("Die Zahlung gehört zu keiner Rechnung des Bots.");
        Assert.DoesNotContain("invoice", await reason.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("(en)", await page.Locator(".kaeufe-auffaellig").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_account_with_one_purchase_reads_1_Kauf_in_the_Protokoll()
    {
        long player;
        await using (var core = fixture.Database.Core(TimeProvider.System))
        {
            var (_, telegram) = await EconomyConsole.PurchaseAsync(core, "Lotte", "spiele-10");
            player = (await core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegram, "Lotte", null, "de"))).Id;
            var deletion = core.Get<PlayerDeletion>();
            Assert.Equal(DeletionOutcome.Deleted, (await deletion.ConfirmAsync(player, (await deletion.RequestAsync(player))!)).Outcome);
        }
        await using var context = await fixture.NewContextAsync();
        var page = await fixture.SignInAsync(context, "Alice Admin");
        await fixture.OpenAsync(page, $"/protokoll?aktion={AuditActions.PlayerDeleted}&betrifft={Uri.EscapeDataString(AuditLog.Player(player))}");

        await Expect(page.Locator(".protokoll-aktion")).ToHaveTextAsync("Konto auf Wunsch des Spielers gelöscht");
        await Expect(page.Locator(".protokoll-details")).ToHaveTextAsync("Auf Wunsch des Spielers gelöscht; 1 Kauf und 1 Buchung anonymisiert aufbewahrt");
    }
}
