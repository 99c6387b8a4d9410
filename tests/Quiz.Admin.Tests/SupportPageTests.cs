using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Layout;
using Quiz.Admin.Components.Pages;
using Quiz.Admin.Texts;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Support;
using Quiz.Core.Messaging;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

public sealed class SupportPageTests(PostgresDatabase database) : CoreTests(database)
{
    private const string AdminName = "Anna Admin";

    private static async Task<IRenderedComponent<SupportPage>> OpenCaseAsync(BunitContext ctx, long telegramUserId)
    {
        var cut = ctx.Render<SupportPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".support-tabelle tbody tr")), Patience);
        await cut.InvokeAsync(() => cut.Find(".filter-suche input").Input(telegramUserId.ToString()));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".fall-nummer")), Patience);
        return cut;
    }

    private async Task<SupportCase> LoadCaseAsync(Guid id)
    {
        await using var db = Database.CreateContext();
        return await db.SupportCases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    [Fact]
    public async Task An_admin_sees_the_case_with_the_players_purchases_and_closes_it_with_a_reply()
    {
        var (purchase, telegram) = await PurchaseAsync(Core, "Klara", "spiele-10");
        var (caseId, number) = await SupportCaseAsync(Core, telegram, "Meine 10 Spiele sind nicht da.");
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        var dialogs = RenderProviders(ctx);
        var cut = await OpenCaseAsync(ctx, telegram);
        Assert.Equal($"#{number}", cut.Find(".fall-nummer").TextContent.Trim());
        Assert.True(cut.Find(".support-offen").TextContent.Contains("offene", StringComparison.Ordinal));

        await cut.InvokeAsync(() => cut.Find(".aktion-details").Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".fall-detail")), Patience);
        Assert.Equal("Meine 10 Spiele sind nicht da.", cut.Find(".fall-volltext").TextContent.Trim());
        Assert.Equal(purchase.ToString(), cut.Find(".fall-kauf").GetAttribute("data-kauf"));
        var charge = (await LoadPurchaseAsync(Database, purchase)).TelegramPaymentChargeId;
        Assert.Equal($"/kaeufe?suche={charge}", cut.Find(".fall-kauf-link").GetAttribute("href"));

        await cut.InvokeAsync(() => cut.Find(".aktion-schliessen").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(".feld-antwort textarea")), Patience);
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-antwort textarea").Input("  Wir haben die Spiele nachgebucht.  "));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-schliessen").Click());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".support-leer")), Patience);
        var closed = await LoadCaseAsync(caseId);
        Assert.Equal((SupportCaseStatus.Closed, AdminName, "Wir haben die Spiele nachgebucht."), (closed.Status, closed.ClosedBy, closed.Reply));
        await using var db = Database.CreateContext();
        var notice = await db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == $"support-closed:{caseId:N}");
        Assert.Equal((OutboxKinds.Notice, telegram), (notice.Kind, notice.ChatId!.Value));
    }

    [Fact]
    public async Task A_moderator_who_gets_the_page_rendered_cannot_close_a_case()
    {
        var (_, telegram) = await PurchaseAsync(Core, "Kurt", "spiele-10");
        var (caseId, _) = await SupportCaseAsync(Core, telegram, "Wo sind meine Spiele?");
        await using var ctx = NewContext(Core, Moderator, AdminRoles.Moderator);
        var dialogs = RenderProviders(ctx);
        var cut = await OpenCaseAsync(ctx, telegram);

        await cut.InvokeAsync(() => cut.Find(".aktion-schliessen").Click());

        Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == AdminTexts.Support.AdminOnly);
        Assert.Empty(dialogs.FindAll(".feld-antwort"));
        Assert.Equal(SupportCaseStatus.Open, (await LoadCaseAsync(caseId)).Status);
    }

    [Fact]
    public async Task A_too_long_reply_shows_the_German_error_and_the_case_stays_open()
    {
        var (_, telegram) = await PurchaseAsync(Core, "Lars", "joker-5");
        var (caseId, _) = await SupportCaseAsync(Core, telegram, "Joker wurden doppelt abgebucht.");
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        var dialogs = RenderProviders(ctx);
        var cut = await OpenCaseAsync(ctx, telegram);

        await cut.InvokeAsync(() => cut.Find(".aktion-schliessen").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(".feld-antwort textarea")), Patience);
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-antwort textarea").Input(new string('a', SupportCase.MaxReplyLength + 1)));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-schliessen").Click());

        dialogs.WaitForAssertion(() => Assert.Equal(
            "Die Antwort an den Spieler darf höchstens 1000 Zeichen lang sein (jetzt: 1001).", dialogs.Find(".dialog-fehler").TextContent.Trim()), Patience);
        Assert.Equal(SupportCaseStatus.Open, (await LoadCaseAsync(caseId)).Status);
        await using var db = Database.CreateContext();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == $"support-closed:{caseId:N}"));

        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-abbrechen").Click());
        cut.WaitForAssertion(() => Assert.Equal("Open", cut.Find(".fall-status").GetAttribute("data-status")), Patience);
    }

    [Fact]
    public void Support_and_Abgleich_are_for_admins_only_and_both_are_in_the_menu()
    {
        var support = typeof(SupportPage).GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
        Assert.Contains(support, a => a.Policy == AdminRoles.ConsolePolicy);
        Assert.Contains(support, a => a.Roles == AdminRoles.Admin);
        Assert.Equal("/support", typeof(SupportPage).GetCustomAttribute<Microsoft.AspNetCore.Components.RouteAttribute>()?.Template);
        var reconciliation = typeof(ReconciliationPage).GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
        Assert.Contains(reconciliation, a => a.Policy == AdminRoles.ConsolePolicy);
        Assert.Contains(reconciliation, a => a.Roles == AdminRoles.Admin);
        Assert.Equal("/abgleich", typeof(ReconciliationPage).GetCustomAttribute<Microsoft.AspNetCore.Components.RouteAttribute>()?.Template);
        Assert.Contains(NavItems.All, item => item is { Href: "/support", Title: "Support", Roles: AdminRoles.Admin });
        Assert.Contains(NavItems.All, item => item is { Href: "/abgleich", Title: "Abgleich", Roles: AdminRoles.Admin });
    }

    [Fact]
    public async Task Kaeufe_opened_with_a_charge_id_from_a_case_shows_that_purchase()
    {
        var (purchase, _) = await PurchaseAsync(Core, "Mona", "extra-leben-3");
        await PurchaseAsync(Core, "Nils", "extra-leben-3");
        var charge = (await LoadPurchaseAsync(Database, purchase)).TelegramPaymentChargeId;
        await using var ctx = NewContext(Core, AdminName, AdminRoles.Admin);
        RenderProviders(ctx);
        ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/kaeufe?suche={charge}");

        var cut = ctx.Render<PurchaseList>();

        cut.WaitForAssertion(() => Assert.Equal(purchase.ToString(), Assert.Single(cut.FindAll(".kauf-spieler")).GetAttribute("data-kauf")), Patience);
        Assert.Equal(PurchaseStatus.Completed.ToString(), cut.Find(".kauf-status").GetAttribute("data-status"));
    }
}
