using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Layout;
using Quiz.Admin.Components.Pages;
using Quiz.Core.AntiCheat;
using Quiz.Core.Audit;
using Quiz.Core.Privacy;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.PlayerConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

/// <summary>"Spieler": the search, the player page's sections, and ban / hold with a required reason.</summary>
public sealed class PlayerPageTests(PostgresDatabase database) : CoreTests(database)
{
    private static string Tag() => $"Pq{Guid.NewGuid():N}"[..10];

    private static IRenderedComponent<PlayerPage> Open(BunitContext ctx, long playerId)
    {
        var cut = ctx.Render<PlayerPage>(p => p.Add(x => x.PlayerId, playerId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".spieler-titel")), Patience);
        return cut;
    }

    [Fact]
    public async Task A_moderator_finds_a_player_by_a_part_of_the_name_and_the_row_links_to_the_player_page()
    {
        var tag = Tag();
        var player = await PlayerAsync(Core, $"Rosa{tag}", "rosa_r");
        await PlayerAsync(Core, "Ruth");
        await using var ctx = NewContext(Core, Moderator, AdminRoles.Moderator);
        var cut = ctx.Render<PlayerList>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".spieler-tabelle tbody tr")), Patience);

        await cut.InvokeAsync(() => cut.Find(".spieler-suche input").Input(tag.ToLowerInvariant()));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".spieler-name")), Patience);
        Assert.Equal(player.Id.ToString(), cut.Find(".spieler-name").GetAttribute("data-spieler"));
        Assert.Equal($"/spieler/{player.Id}", cut.Find(".spieler-link").GetAttribute("href"));
        Assert.Contains("@rosa_r", cut.Find(".spieler-name").TextContent);
    }

    [Fact]
    public async Task The_player_page_shows_numbers_answer_times_against_the_reading_time_flags_purchases_ledger_and_audit()
    {
        var (purchase, telegram) = await PurchaseAsync(Core, "Sven", "spiele-10");
        var id = (await LoadPurchaseAsync(Database, purchase)).PlayerId;
        await GameAsync(Database, id, 2, 4_200, 6_100, 200);
        await Core.Get<CheatFlags>().RaiseAsync(id, FlagKind.FastAnswers, "game:test", 85, """{"summary": "1 Antwort vor der Lesezeit", "schnellste_ms": 200}""");
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);

        var cut = Open(ctx, id);

        Assert.Equal("Sven", cut.Find(".spieler-titel").TextContent.Trim());
        Assert.Equal(telegram.ToString(), cut.Find(".spieler-telegram").TextContent.Trim());
        Assert.Equal("3", cut.Find("[data-zahl='antworten'] .zahl-wert").TextContent.Trim());
        Assert.Equal("67 %", cut.Find("[data-zahl='trefferquote'] .zahl-wert").TextContent.Trim());
        Assert.NotNull(cut.Find(".antwortzeiten-diagramm"));
        var times = cut.FindAll(".antwortzeit");
        Assert.Equal(["4200", "6100", "200"], times.Select(t => t.GetAttribute("data-ms")));
        Assert.Equal(["false", "false", "true"], times.Select(t => t.GetAttribute("data-zu-schnell")));
        var flag = cut.Find(".markierung");
        Assert.Equal("Open", flag.GetAttribute("data-status"));
        Assert.Contains("1 Antwort vor der Lesezeit", flag.TextContent);
        Assert.Contains("schnellste_ms", flag.TextContent);
        Assert.Equal(purchase.ToString(), cut.Find(".spieler-kauf").GetAttribute("data-kauf"));
        Assert.NotEmpty(cut.FindAll(".spieler-buchung"));
        Assert.Contains(cut.FindAll(".protokoll-eintrag"), e => e.GetAttribute("data-aktion") == AuditActions.FlagRaised);
    }

    [Fact]
    public async Task A_moderator_reviews_the_player_but_sees_no_purchases_ledger_or_support_cases()
    {
        var (purchase, _) = await PurchaseAsync(Core, "Selma", "spiele-10");
        var id = (await LoadPurchaseAsync(Database, purchase)).PlayerId;
        await using (var db = Database.CreateContext())
        {
            AuditLog.Record(db, "Anna Admin", AuditActions.RefundRequested, AuditLog.Purchase(purchase), "Doppelt gekauft", DateTimeOffset.UtcNow);
            AuditLog.Record(db, Moderator, AuditActions.FlagRaised, AuditLog.Player(id), "Antwortet sehr schnell", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await using var ctx = NewContext(Core, Moderator, AdminRoles.Moderator);

        var cut = Open(ctx, id);

        Assert.NotEmpty(cut.FindAll(".aktion-sperren"));
        Assert.NotEmpty(cut.FindAll("[data-zahl='antworten']"));
        Assert.Empty(cut.FindAll(".spieler-kauf"));
        Assert.Empty(cut.FindAll(".spieler-buchung"));
        Assert.Empty(cut.FindAll("a[href^='/kaeufe']"));
        // The audit trail about the player, not the refund of a purchase (money).
        Assert.Equal([AuditActions.FlagRaised], cut.FindAll(".protokoll-eintrag").Select(e => e.GetAttribute("data-aktion")));
        Assert.DoesNotContain("Doppelt gekauft", cut.Markup, StringComparison.Ordinal);

        // The admin sees both.
        await using var admin = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        var full = Open(admin, id);
        Assert.Contains(full.FindAll(".protokoll-eintrag"), e => e.GetAttribute("data-aktion") == AuditActions.RefundRequested);
    }

    [Fact]
    public async Task The_search_page_promises_a_moderator_no_purchases_or_support_cases_and_an_admin_both()
    {
        await using var moderator = NewContext(Core, Moderator, AdminRoles.Moderator);
        await using var admin = NewContext(Core, "Anna Admin", AdminRoles.Admin);

        var forModerator = moderator.Render<PlayerList>().Find(".spieler-einleitung").TextContent;
        var forAdmin = admin.Render<PlayerList>().Find(".spieler-einleitung").TextContent;

        Assert.DoesNotContain("Käufe", forModerator, StringComparison.Ordinal);
        Assert.DoesNotContain("Support", forModerator, StringComparison.Ordinal);
        Assert.Contains("Markierungen", forModerator, StringComparison.Ordinal);
        Assert.Contains("Käufe", forAdmin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Banning_needs_a_reason_then_bans_audited_under_the_moderator_and_offers_to_lift_it()
    {
        var player = await PlayerAsync(Core, "Tina");
        await using var ctx = NewContext(Core, Moderator, AdminRoles.Moderator);
        var dialogs = RenderProviders(ctx);
        var cut = Open(ctx, player.Id);

        await cut.InvokeAsync(() => cut.Find(".aktion-sperren").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(".feld-grund textarea")), Patience);
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-bestaetigen").Click());
        dialogs.WaitForAssertion(() => Assert.Equal("Bitte gib einen Grund an; er wird protokolliert.", dialogs.Find(".dialog-fehler").TextContent.Trim()), Patience);
        Assert.Null((await LoadAsync(Database, player.Id)).BannedAt);

        await dialogs.InvokeAsync(() => dialogs.Find(".feld-grund textarea").Input("Antwortet per Skript"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-bestaetigen").Click());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".aktion-entsperren")), Patience);
        Assert.Equal("Antwortet per Skript", cut.Find(".sperre-grund").TextContent.Trim());
        var banned = await LoadAsync(Database, player.Id);
        Assert.Equal("Antwortet per Skript", banned.BanReason);
        await using var db = Database.CreateContext();
        var audit = Assert.Single(await AuditLog.ForSubjectAsync(db, AuditLog.Player(player.Id)));
        Assert.Equal((AuditActions.PlayerBanned, Moderator, "Antwortet per Skript"), (audit.Action, audit.Actor, audit.Details));
    }

    [Fact]
    public async Task An_admin_holds_a_player_out_of_rankings_and_restores_him_and_flags_him_by_hand()
    {
        var player = await PlayerAsync(Core, "Udo");
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        var dialogs = RenderProviders(ctx);
        var cut = Open(ctx, player.Id);

        async Task ActAsync(string button, string reason)
        {
            await cut.InvokeAsync(() => cut.Find(button).Click());
            dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(".feld-grund textarea")), Patience);
            await dialogs.InvokeAsync(() => dialogs.Find(".feld-grund textarea").Input(reason));
            await dialogs.InvokeAsync(() => dialogs.Find(".dialog-bestaetigen").Click());
        }

        await ActAsync(".aktion-ranglisten-sperren", "Verdacht auf Zweitkonto");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".aktion-ranglisten-freigeben")), Patience);
        Assert.Equal("Verdacht auf Zweitkonto", (await LoadAsync(Database, player.Id)).RankingHoldReason);
        await ActAsync(".aktion-ranglisten-freigeben", "Geklärt");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".aktion-ranglisten-sperren")), Patience);
        Assert.Null((await LoadAsync(Database, player.Id)).RankingHeldAt);
        await ActAsync(".aktion-markieren", "Antwortet immer in 1 s");

        cut.WaitForAssertion(() => Assert.Equal("Open", cut.Find(".markierung").GetAttribute("data-status")), Patience);
        Assert.Contains("Antwortet immer in 1 s", cut.Find(".markierung").TextContent);
        await using var db = Database.CreateContext();
        Assert.Equal(
            [AuditActions.PlayerRankingHeld, AuditActions.PlayerRankingRestored, AuditActions.FlagRaised],
            (await AuditLog.ForSubjectAsync(db, AuditLog.Player(player.Id))).Select(a => a.Action));
    }

    [Fact]
    public async Task A_deleted_account_shows_as_a_tombstone_without_name_or_actions()
    {
        var player = await PlayerAsync(Core, "Vera", "vera_v");
        var deletion = Core.Get<PlayerDeletion>();
        Assert.Equal(DeletionOutcome.Deleted, (await deletion.ConfirmAsync(player.Id, (await deletion.RequestAsync(player.Id))!)).Outcome);
        await using var ctx = NewContext(Core, Moderator, AdminRoles.Moderator);

        var cut = Open(ctx, player.Id);

        Assert.Equal("Gelöschtes Konto", cut.Find(".spieler-titel").TextContent.Trim());
        Assert.NotNull(cut.Find(".spieler-geloescht"));
        Assert.Empty(cut.FindAll(".spieler-aktionen"));
        Assert.Empty(cut.FindAll(".spieler-telegram"));
        Assert.DoesNotContain("Vera", cut.Markup);
        Assert.DoesNotContain("vera_v", cut.Markup);
    }

    [Fact]
    public void Spieler_and_Markiert_are_for_both_roles_and_in_the_menu()
    {
        foreach (var (page, route) in new[] { (typeof(PlayerList), "/spieler"), (typeof(PlayerPage), "/spieler/{PlayerId:long}"), (typeof(FlagQueue), "/markiert") })
        {
            var authorize = page.GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
            Assert.Equal(AdminRoles.ConsolePolicy, Assert.Single(authorize).Policy);
            Assert.Equal(route, page.GetCustomAttribute<RouteAttribute>()?.Template);
        }
        Assert.Contains(NavItems.All, item => item is { Href: "/spieler", Title: "Spieler" } && item.Roles.Contains(AdminRoles.Moderator, StringComparison.Ordinal));
        Assert.Contains(NavItems.All, item => item is { Href: "/markiert", Title: "Markiert" } && item.Roles.Contains(AdminRoles.Moderator, StringComparison.Ordinal));
    }
}
