using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Pages;
using Quiz.Core.Audit;
using Quiz.Core.Economy;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

/// <summary>A refund Telegram refused, as operators meet it: the alert on the overview and on Käufe, the description, the retry.</summary>
public sealed class RefundFailurePageTests(PostgresDatabase database) : CoreTests(database)
{
    private async Task<(Guid Purchase, long Telegram)> RefusedAsync(string firstName)
    {
        var (purchase, telegram) = await PurchaseAsync(Core, firstName, "spiele-10");
        await using var scope = Core.Scope();
        Assert.Equal(RefundOutcome.Requested, await scope.Get<Refunds>().RequestAsync(purchase, "Doppelt gekauft", "Anna Admin"));
        Assert.Equal(RefundOutcome.Failed, await scope.Get<Refunds>().FailAsync(purchase, 0, "Bad Request: REFUND_PERIOD_EXPIRED"));
        return (purchase, telegram);
    }

    private static async Task<IRenderedComponent<PurchaseList>> OpenRefusedAsync(BunitContext ctx, long telegram)
    {
        var cut = ctx.Render<PurchaseList>();
        cut.WaitForAssertion(() => Assert.Matches(@"Telegram hat \d+ Erstattung(en)? abgelehnt", cut.Find(".kaeufe-erstattung-abgelehnt").TextContent), Patience);
        await cut.InvokeAsync(() => cut.Find(".kaeufe-abgelehnt-zeigen").Click());
        cut.WaitForAssertion(() => Assert.All(cut.FindAll(".kauf-status"), td => Assert.Equal("RefundFailed", td.GetAttribute("data-status"))), Patience);
        await cut.InvokeAsync(() => cut.Find(".filter-suche input").Input(telegram.ToString()));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".kaeufe-tabelle tbody tr")), Patience);
        await cut.InvokeAsync(() => cut.Find(".aktion-details").Click());
        cut.WaitForAssertion(() => Assert.Equal("Failed", cut.Find(".erstattung-stand").GetAttribute("data-stand")), Patience);
        return cut;
    }

    [Fact]
    public async Task A_refused_refund_shows_telegrams_description_and_an_admin_retries_it_once_with_a_reason()
    {
        var (purchase, telegram) = await RefusedAsync("Gesa");
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        RenderProviders(ctx);
        var cut = await OpenRefusedAsync(ctx, telegram);

        Assert.Contains("Erstattung abgelehnt", cut.Find(".kauf-detail-status").TextContent);
        Assert.Equal("Bad Request: REFUND_PERIOD_EXPIRED", cut.Find(".erstattung-telegram").TextContent.Trim());
        Assert.Equal("ja", cut.Find(".erstattung-abgelehnt").GetAttribute("data-offen"));
        await cut.InvokeAsync(() => cut.Find(".aktion-erneut-erstatten").Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".erstattung-grund-fehlt")), Patience);
        Assert.Equal(PurchaseStatus.RefundFailed, (await LoadPurchaseAsync(Database, purchase)).Status);

        await cut.InvokeAsync(() => cut.Find(".erstattung-grund input").Input("Telegram-Support hat freigegeben"));
        await cut.InvokeAsync(() => cut.Find(".aktion-erneut-erstatten").Click());

        cut.WaitForAssertion(() => Assert.Equal("Pending", cut.Find(".erstattung-stand").GetAttribute("data-stand")), Patience);
        Assert.Empty(cut.FindAll(".aktion-erneut-erstatten"));
        Assert.Empty(cut.FindAll(".erstattung-abgelehnt"));
        Assert.Contains(cut.FindAll(".kauf-protokoll"), p => p.TextContent.Contains("Anna Admin · Erstattung erneut beauftragt: Telegram-Support hat freigegeben", StringComparison.Ordinal));
        var stored = await LoadPurchaseAsync(Database, purchase);
        Assert.Equal((PurchaseStatus.RefundRequested, 1, "Anna Admin"), (stored.Status, stored.RefundAttempt, stored.RefundRequestedBy));
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Subject == AuditLog.Purchase(purchase) && e.Action == AuditActions.RefundRetried));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.IdempotencyKey == Refunds.CommandKey(purchase, 1)));
    }

    [Fact]
    public async Task An_admin_resolves_the_alert_with_a_note_and_the_refund_stays_failed_and_retryable()
    {
        var (purchase, telegram) = await RefusedAsync("Jonas");
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        RenderProviders(ctx);
        var cut = await OpenRefusedAsync(ctx, telegram);

        await cut.InvokeAsync(() => cut.Find(".erstattung-grund input").Input("Sterne über den Telegram-Support erstattet"));
        await cut.InvokeAsync(() => cut.Find(".aktion-warnung-erledigen").Click());

        cut.WaitForAssertion(() => Assert.Equal("nein", cut.Find(".erstattung-abgelehnt").GetAttribute("data-offen")), Patience);
        Assert.Contains("Anna Admin", cut.Find(".erstattung-erledigt").TextContent);
        Assert.Empty(cut.FindAll(".aktion-warnung-erledigen"));
        Assert.NotEmpty(cut.FindAll(".aktion-erneut-erstatten"));
        var stored = await LoadPurchaseAsync(Database, purchase);
        Assert.Equal((PurchaseStatus.RefundFailed, "Anna Admin"), (stored.Status, stored.RefundFailureResolvedBy));
    }

    [Fact]
    public async Task A_moderator_who_gets_the_page_rendered_may_neither_retry_nor_resolve_a_refusal()
    {
        var (purchase, telegram) = await RefusedAsync("Hinnerk");
        await using var ctx = NewContext(Core, "Mara Moderatorin", AdminRoles.Moderator);
        RenderProviders(ctx);

        var cut = await OpenRefusedAsync(ctx, telegram);

        Assert.Equal("Bad Request: REFUND_PERIOD_EXPIRED", cut.Find(".erstattung-telegram").TextContent.Trim());
        Assert.Empty(cut.FindAll(".aktion-erneut-erstatten"));
        Assert.Empty(cut.FindAll(".aktion-warnung-erledigen"));
        Assert.Equal(PurchaseStatus.RefundFailed, (await LoadPurchaseAsync(Database, purchase)).Status);
    }

    [Fact]
    public async Task The_overview_raises_the_alert_and_links_to_the_refused_refunds_for_an_admin_only()
    {
        await RefusedAsync("Ilka");
        await using (var moderator = NewContext(Core, "Mara Moderatorin", AdminRoles.Moderator))
        {
            moderator.Services.AddSingleton(Core.Get<TimeProvider>());
            var hidden = moderator.Render<Overview>();
            hidden.WaitForAssertion(() => Assert.NotEmpty(hidden.FindAll(".overview-day")), Patience);
            Assert.Empty(hidden.FindAll(".overview-erstattungen-abgelehnt"));
        }
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        ctx.Services.AddSingleton(Core.Get<TimeProvider>());

        var cut = ctx.Render<Overview>();

        cut.WaitForAssertion(() => Assert.Matches(@"Telegram hat \d+ Erstattung(en)? abgelehnt", cut.Find(".overview-erstattungen-abgelehnt").TextContent), Patience);
        Assert.True(int.Parse(cut.Find(".overview-erstattungen-abgelehnt").GetAttribute("data-anzahl")!) >= 1);
        Assert.Equal("/kaeufe?status=RefundFailed", cut.Find(".overview-erstattungen-zeigen").GetAttribute("href"));
    }
}
