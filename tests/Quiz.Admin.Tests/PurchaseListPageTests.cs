using Bunit;
using Microsoft.EntityFrameworkCore;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Pages;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

public sealed class PurchaseListPageTests(PostgresDatabase database) : CoreTests(database)
{
    private static async Task<IRenderedComponent<PurchaseList>> OpenDetailAsync(BunitContext ctx, long telegramUserId)
    {
        var cut = ctx.Render<PurchaseList>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".kaeufe-tabelle tbody tr")), Patience);
        await cut.InvokeAsync(() => cut.Find(".filter-suche input").Input(telegramUserId.ToString()));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".kaeufe-tabelle tbody tr")), Patience);
        await cut.InvokeAsync(() => cut.Find(".aktion-details").Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".kauf-detail")), Patience);
        return cut;
    }

    [Fact]
    public async Task Erstatten_needs_a_reason_then_requests_the_refund_in_the_admins_name_and_shows_its_progress()
    {
        var (purchase, telegram) = await PurchaseAsync(Core, "Gustav", "spiele-10");
        await PurchaseAsync(Core, "Hanna", "joker-5");
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        RenderProviders(ctx);
        var cut = await OpenDetailAsync(ctx, telegram);
        Assert.Equal(("+10", "Kauf"), (cut.Find(".buchung-delta").TextContent.Trim(), cut.Find(".buchung-art").TextContent.Trim()));
        Assert.Equal("None", cut.Find(".erstattung-stand").GetAttribute("data-stand"));

        await cut.InvokeAsync(() => cut.Find(".aktion-erstatten").Click());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".erstattung-grund-fehlt")), Patience);
        Assert.Equal(PurchaseStatus.Completed, (await LoadPurchaseAsync(Database, purchase)).Status);

        await cut.InvokeAsync(() => cut.Find(".erstattung-grund input").Input("Doppelt gekauft"));
        await cut.InvokeAsync(() => cut.Find(".aktion-erstatten").Click());

        cut.WaitForAssertion(() => Assert.Equal("Pending", cut.Find(".erstattung-stand").GetAttribute("data-stand")), Patience);
        Assert.Contains("Anna Admin", cut.Find(".erstattung-auftrag").TextContent);
        Assert.Contains("Anna Admin · Erstattung beauftragt: Doppelt gekauft", cut.Find(".kauf-protokoll").TextContent);
        Assert.Empty(cut.FindAll(".aktion-erstatten"));
        var stored = await LoadPurchaseAsync(Database, purchase);
        Assert.Equal((PurchaseStatus.RefundRequested, "Doppelt gekauft", "Anna Admin"), (stored.Status, stored.RefundReason, stored.RefundRequestedBy));
        await using var db = Database.CreateContext();
        Assert.Equal(OutboxKinds.RefundStarPayment, (await db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == $"refund:{purchase:N}")).Kind);
    }

    [Fact]
    public async Task A_moderator_who_gets_the_page_rendered_still_cannot_refund()
    {
        var (purchase, telegram) = await PurchaseAsync(Core, "Ingo", "extra-leben-3");
        await using var ctx = NewContext(Core, "Mara Moderatorin", AdminRoles.Moderator);
        RenderProviders(ctx);

        var cut = await OpenDetailAsync(ctx, telegram);

        Assert.Contains("Abgeschlossen", cut.Find(".kauf-detail-status").TextContent);
        Assert.Empty(cut.FindAll(".aktion-erstatten"));
        Assert.Equal("Erstatten dürfen nur Administratoren.", cut.Find(".erstattung-nur-admin").TextContent.Trim());
        Assert.Equal(PurchaseStatus.Completed, (await LoadPurchaseAsync(Database, purchase)).Status);
    }

    [Fact]
    public async Task Flagged_payments_are_announced_and_the_Auffaellig_filter_lists_only_them()
    {
        var (_, telegram) = await PurchaseAsync(Core, "Jana", "turnier-ticket");
        await using (var db = Database.CreateContext())
        {
            var player = await db.Players.SingleAsync(p => p.TelegramUserId == telegram);
            db.Purchases.Add(new Purchase
            {
                Id = Guid.NewGuid(), PlayerId = player.Id, AmountStars = 1, TelegramPaymentChargeId = $"flag-{Guid.NewGuid():N}",
                Status = PurchaseStatus.Flagged, FlagReason = "Betrag passt nicht", CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        RenderProviders(ctx);
        var cut = ctx.Render<PurchaseList>();
        cut.WaitForAssertion(() => Assert.Contains("auffällige Zahlung", cut.Find(".kaeufe-auffaellig").TextContent), Patience);

        await cut.InvokeAsync(() => cut.Find(".kaeufe-auffaellig-zeigen").Click());

        cut.WaitForAssertion(() => Assert.All(cut.FindAll(".kauf-status"), td => Assert.Equal("Flagged", td.GetAttribute("data-status"))), Patience);
        Assert.NotEmpty(cut.FindAll(".kauf-status"));
    }

    [Theory]
    [InlineData(false, "Die Zahlung gehört zu keiner Rechnung des Bots.")]
    [InlineData(true, "Bezahlt wurden 1 Stern statt")]
    public async Task A_flagged_payment_shows_its_reason_in_german(bool knownInvoice, string expected)
    {
        var telegram = Random.Shared.NextInt64(1_000_000, long.MaxValue);
        var player = await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegram, "Flora", null, "de"));
        await using (var scope = Core.Scope())
        {
            var payload = knownInvoice ? (await scope.Get<Shop>().InitPurchaseAsync(player.Id, "joker-5"))!.Payload : "kein-bekannter-payload";
            var payment = new PaymentReceived(telegram, payload, Package.Currency, 1, $"flag-{Guid.NewGuid():N}");
            Assert.Equal(ConfirmOutcome.Flagged, (await scope.Get<PurchaseConfirmation>().ConfirmAsync(payment)).Outcome);
        }
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        RenderProviders(ctx);

        var cut = await OpenDetailAsync(ctx, telegram);

        var reason = cut.Find(".kauf-auffaellig").TextContent;
        Assert.Contains(expected, reason, StringComparison.Ordinal);
        Assert.DoesNotContain("invoice", reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("instead", reason, StringComparison.Ordinal);
    }
}
