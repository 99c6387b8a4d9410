using Bunit;
using Microsoft.EntityFrameworkCore;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Pages;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

public sealed class ReconciliationPageTests(PostgresDatabase database) : CoreTests(database)
{
    /// <summary>A completed run that found one payment Telegram has and the bot never recorded.</summary>
    private async Task<(long AlertId, string Charge)> LostPaymentAsync()
    {
        var (_, telegram) = await PurchaseAsync(Core, "Otto", "joker-5");
        var charge = $"lost-{Guid.NewGuid():N}";
        await using var scope = Core.Scope();
        var run = await scope.Get<ReconciliationService>().RequestAsync("worker");
        var telegramList = new StarList();
        telegramList.Add(new StarTransactionRecord(charge, 40, DateTimeOffset.UtcNow.AddHours(-1), false, telegram, null));
        await telegramList.DriveAsync(Core, run);
        return (await scope.Db.ReconciliationAlerts.Where(a => a.ChargeId == charge).Select(a => a.Id).SingleAsync(), charge);
    }

    private async Task<ReconciliationAlert> LoadAlertAsync(long id)
    {
        await using var db = Database.CreateContext();
        return await db.ReconciliationAlerts.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    [Fact]
    public async Task Jetzt_abgleichen_requests_one_run_in_the_admins_name_and_a_second_click_does_not_add_another()
    {
        await using var ctx = NewContext(Core, "Paula Admin", AdminRoles.Admin);
        RenderProviders(ctx);
        var cut = ctx.Render<ReconciliationPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".abgleich-jetzt")), Patience);

        await cut.InvokeAsync(() => cut.Find(".abgleich-jetzt").Click());

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".lauf-von"), td => td.TextContent.Trim() == "Paula Admin"), Patience);
        Assert.Equal("Requested", cut.FindAll(".lauf-von").First(td => td.TextContent.Trim() == "Paula Admin").ParentElement!
            .QuerySelector(".lauf-status")!.GetAttribute("data-status"));
        await cut.InvokeAsync(() => cut.Find(".abgleich-jetzt").Click());
        await using var db = Database.CreateContext();
        cut.WaitForAssertion(() => Assert.False(cut.Find(".abgleich-jetzt").HasAttribute("disabled")), Patience);
        var runs = await db.ReconciliationRuns.Where(r => r.RequestedBy == "Paula Admin").ToListAsync();
        var run = Assert.Single(runs);
        Assert.Equal((ReconciliationStatus.Requested, (string?)null), (run.Status, run.DayKey));
    }

    [Fact]
    public async Task Open_alerts_are_announced_and_resolving_one_needs_a_note()
    {
        var (alertId, charge) = await LostPaymentAsync();
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        var dialogs = RenderProviders(ctx);
        var cut = ctx.Render<ReconciliationPage>();
        cut.WaitForAssertion(() => Assert.Contains("offene Abweichung", cut.Find(".abgleich-offen").TextContent), Patience);
        var kind = cut.Find($".warnung-art[data-warnung='{alertId}']");
        Assert.Equal("Zahlung ohne Kauf", kind.TextContent.Trim());
        Assert.Contains("Otto", kind.ParentElement!.QuerySelector(".warnung-spieler")!.TextContent);
        Assert.Contains(charge, kind.ParentElement!.QuerySelector(".warnung-charge")!.TextContent);

        await cut.InvokeAsync(() => cut.Find($".warnung-art[data-warnung='{alertId}']").ParentElement!.QuerySelector(".aktion-erledigen")!.Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(".feld-notiz textarea")), Patience);
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-erledigen").Click());

        dialogs.WaitForAssertion(() => Assert.Equal("Bitte eine Notiz angeben: Was wurde geprüft oder getan?", dialogs.Find(".dialog-fehler").TextContent.Trim()), Patience);
        Assert.Null((await LoadAlertAsync(alertId)).ResolvedAt);

        await dialogs.InvokeAsync(() => dialogs.Find(".feld-notiz textarea").Input("Kauf von Hand nachgebucht"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-erledigen").Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($".warnung-art[data-warnung='{alertId}']")), Patience);
        Assert.Contains(cut.FindAll(".erledigt-notiz"), td => td.TextContent.Trim() == "Kauf von Hand nachgebucht");
        var stored = await LoadAlertAsync(alertId);
        Assert.Equal(("Anna Admin", "Kauf von Hand nachgebucht"), (stored.ResolvedBy, stored.Note));
    }

    [Fact]
    public async Task A_run_that_could_not_finish_shows_its_reason_and_the_page_shows_how_far_Telegrams_list_is_reconciled()
    {
        var (_, charge) = await LostPaymentAsync();
        Guid stuck;
        await using (var scope = Core.Scope())
        {
            stuck = await scope.Get<ReconciliationService>().RequestAsync("Olga Admin");
            var command = (await StarList.PendingAsync(Core, stuck))!.Value.Command;
            await scope.Get<ReconciliationService>().GiveUpAsync(command, 5, "Bad Gateway");
        }
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        RenderProviders(ctx);
        var cut = ctx.Render<ReconciliationPage>();

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".lauf-von"), td => td.GetAttribute("data-lauf") == stuck.ToString()), Patience);
        var row = cut.FindAll(".lauf-von").Single(td => td.GetAttribute("data-lauf") == stuck.ToString()).ParentElement!;
        Assert.Equal("Failed", row.QuerySelector(".lauf-status")!.GetAttribute("data-status"));
        Assert.Contains("Fehlgeschlagen", row.QuerySelector(".lauf-status")!.TextContent);
        Assert.Matches(@"^Schritt 1 \(ab Transaktion \d+\) nach 5 Versuchen aufgegeben: Bad Gateway$", row.QuerySelector(".lauf-fehler")!.TextContent.Trim());
        Assert.Matches(@"^Schritt 0, bis Transaktion \d+$", row.QuerySelector(".lauf-fortschritt")!.TextContent.Trim());
        var cursor = await Core.Get<ReconciliationAdministration>().CursorAsync();
        Assert.True(cursor.Offset >= 1, charge);
        // The page may render between reading its runs and its cursor: wait for the render that has both.
        cut.WaitForAssertion(() => Assert.StartsWith(
            $"Abgeglichen bis Transaktion {cursor.Offset:N0}".Replace(",", ".", StringComparison.Ordinal), cut.Find(".abgleich-stand").TextContent.Trim()), Patience);
    }

    [Fact]
    public void Every_difference_kind_has_a_German_label()
    {
        Assert.Equal(
            ["Zahlung ohne Kauf", "Kauf ohne Zahlung", "Betrag weicht ab", "Erstattung nicht verbucht", "Erstattung fehlt bei Telegram"],
            Enum.GetValues<DifferenceKind>().Select(Texts.AdminTexts.Reconciliation.Describe));
    }
}
