using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Core.Audit;
using Quiz.Core.Economy;

namespace Quiz.EndToEndTests;

/// <summary>
/// An admin switches maintenance on under "Schalter": a player in the sandbox gets the Wartung notice, and the invoice they
/// opened before is still paid and completed; switched off, the player plays again. The bot learns of each change by the Redis signal (or its periodic read): the test polls.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class ConsoleMaintenanceTests(AppModelFixture fixture)
{
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Maintenance_switched_on_in_the_console_gives_the_player_the_Wartung_notice_and_switched_off_they_play_again()
    {
        var name = $"Wanda{Guid.NewGuid():N}"[..13];
        var wanda = await ChatPlayer.CreateAsync(fixture, name);
        await wanda.SayAsync("/start");
        await wanda.MessageAsync("willkommen bei Quiz");
        // An invoice opened before maintenance: paid during it, the payment still completes.
        await wanda.SayAsync("/shop");
        Assert.Null((await wanda.PressAsync(await wanda.MessageAsync("Shop"), "shop:buy:spiele-10")).Text);
        var invoice = await wanda.InvoiceMessageAsync();

        await using var console = await ConsoleBrowser.SignInAsync(fixture, "/schalter");
        var page = console.Page;
        var maintenance = page.Locator(".schalter-maintenance input");
        try
        {
            await maintenance.ClickAsync(new LocatorClickOptions { Force = true });
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Bestätigen" }).ClickAsync();
            await Assertions.Expect(maintenance).ToBeCheckedAsync();

            await Eventually.HoldsAsync(async () =>
            {
                await wanda.SayAsync("Hallo");
                return await SeesAsync(wanda, "Wartung");
            });
            var paid = await wanda.PayAsync(invoice);
            Assert.Equal("paid", paid.Status);
            await Eventually.HoldsAsync(async () =>
            {
                await using var db = fixture.Database();
                return await db.Purchases.AnyAsync(p => p.TelegramPaymentChargeId == paid.TelegramPaymentChargeId && p.Status == PurchaseStatus.Completed);
            });

            await maintenance.ClickAsync(new LocatorClickOptions { Force = true });
            await Assertions.Expect(maintenance).Not.ToBeCheckedAsync();

            await Eventually.HoldsAsync(async () =>
            {
                await wanda.SayAsync("/spielen");
                return await SeesAsync(wanda, "Frage 1/10 · ");
            });
        }
        finally
        {
            await using var cleanup = fixture.Database();
            await cleanup.Database.ExecuteSqlRawAsync("UPDATE feature_switches SET is_on = false WHERE key = 'maintenance'");
        }

        await using var db = fixture.Database();
        var audit = await db.AuditEntries.Where(e => e.Action == AuditActions.FeatureSwitched && e.Subject == "feature:maintenance")
            .OrderByDescending(e => e.Id).Take(2).ToListAsync();
        Assert.Equal(["an → aus", "aus → an"], audit.Select(a => a.Details));
        Assert.All(audit, a => Assert.Equal("Lokaler Operator", a.Actor));
    }

    private static async Task<bool> SeesAsync(ChatPlayer player, string text)
    {
        try
        {
            await player.MessageAsync(text, Probe);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
