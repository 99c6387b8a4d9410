using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Layout;
using Quiz.Admin.Components.Pages;
using Quiz.Core.Audit;
using Quiz.Core.Tournaments.Series;
using Quiz.Core.Players;
using Quiz.Core.Privacy;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

/// <summary>"Protokoll": the audit log filtered by who, what, object and days (from the address), paged, linked to its CSV.</summary>
public sealed class AuditPageTests(PostgresDatabase database) : CoreTests(database)
{
    private async Task SeedAsync(string actor, string subject, int count, DateTimeOffset at, string action = AuditActions.PlayerBanned)
    {
        await using var db = Database.CreateContext();
        for (var i = 0; i < count; i++) AuditLog.Record(db, actor, action, subject, $"Eintrag {i}", at.AddSeconds(i));
        await db.SaveChangesAsync();
    }

    private static IRenderedComponent<AuditPage> Open(BunitContext ctx, string address)
    {
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return ctx.Render<AuditPage>();
    }

    [Fact]
    public async Task A_deleted_account_shows_in_the_protokoll_and_under_its_action()
    {
        var player = await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(Random.Shared.NextInt64(1, long.MaxValue), "Lotte", null, "de"));
        var deletion = Core.Get<PlayerDeletion>();
        Assert.Equal(DeletionOutcome.Deleted, (await deletion.ConfirmAsync(player.Id, (await deletion.RequestAsync(player.Id))!)).Outcome);
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);

        var cut = Open(ctx, $"/protokoll?aktion={AuditActions.PlayerDeleted}");

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".protokoll-betrifft"), td => td.TextContent.Trim() == AuditLog.Player(player.Id)), Patience);
        Assert.All(cut.FindAll(".protokoll-aktion"), td => Assert.Equal(AuditActions.PlayerDeleted, td.GetAttribute("data-aktion")));
        var row = cut.FindAll(".protokoll-tabelle tbody tr").First(tr => tr.TextContent.Contains(AuditLog.Player(player.Id), StringComparison.Ordinal));
        Assert.Contains("Konto auf Wunsch des Spielers gelöscht", row.TextContent);
        Assert.DoesNotContain("Lotte", cut.Markup);
        Assert.Contains(NavItems.All, item => item is { Href: "/protokoll", Title: "Protokoll", Roles: AdminRoles.Admin });
    }

    [Fact]
    public async Task Filters_from_the_address_narrow_by_actor_object_and_Berlin_days_and_the_export_link_carries_them()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await SeedAsync($"Ida {tag}", $"player:{tag}1", 2, new DateTimeOffset(2026, 3, 10, 22, 30, 0, TimeSpan.Zero));  // 10.03., 23:30 Berlin
        await SeedAsync($"Ida {tag}", $"player:{tag}2", 1, new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.Zero));  // 11.03., 00:30 Berlin
        await SeedAsync($"Jan {tag}", $"player:{tag}1", 1, new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero));
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);

        var cut = Open(ctx, $"/protokoll?wer=ida%20{tag}&betrifft={tag}&von=2026-03-11&bis=2026-03-11");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".protokoll-tabelle tbody tr")), Patience);
        Assert.Equal(($"Ida {tag}", $"player:{tag}2", "11.03.2026 00:30"),
            (cut.Find(".protokoll-wer").TextContent.Trim(), cut.Find(".protokoll-betrifft").TextContent.Trim(), cut.Find(".protokoll-zeit").TextContent.Trim()));
        Assert.Equal($"/protokoll/export.csv?wer=ida%20{tag}&betrifft={tag}&von=2026-03-11&bis=2026-03-11", cut.Find("a.protokoll-export").GetAttribute("href"));

        var nothing = Open(ctx, $"/protokoll?betrifft={tag}&aktion={AuditActions.Refunded}");
        nothing.WaitForAssertion(() => Assert.Equal("Keine Einträge zu diesem Filter.", nothing.Find(".protokoll-leer").TextContent.Trim()), Patience);
        var reversed = Open(ctx, "/protokoll?von=2026-03-12&bis=2026-03-11");
        Assert.Contains("„Von“ liegt nach „Bis“", reversed.Find(".protokoll-zeitraum").TextContent);
        Assert.Empty(reversed.FindAll(".protokoll-tabelle"));
    }

    [Fact]
    public async Task An_entry_the_worker_wrote_reads_Hintergrunddienst_and_that_word_finds_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(SeriesPlanner.Actor, $"series:{tag}", 1, new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);

        var shown = Open(ctx, $"/protokoll?betrifft={tag}");
        shown.WaitForAssertion(() => Assert.Equal("Hintergrunddienst", shown.Find(".protokoll-wer").TextContent.Trim()), Patience);
        var found = Open(ctx, $"/protokoll?wer=hintergrunddienst&betrifft={tag}");
        found.WaitForAssertion(() => Assert.Single(found.FindAll(".protokoll-tabelle tbody tr")), Patience);
    }

    [Fact]
    public async Task A_long_log_is_paged_fifty_at_a_time_older_and_back()
    {
        var subject = $"paging:{Guid.NewGuid():N}";
        await SeedAsync("Paula", subject, 120, DateTimeOffset.UtcNow.AddHours(-1));
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        var cut = Open(ctx, $"/protokoll?betrifft={subject}");
        List<string> Details() => [.. cut.FindAll(".protokoll-details").Select(td => td.TextContent.Trim())];

        cut.WaitForAssertion(() => Assert.Equal(AuditPage.PageSize, Details().Count), Patience);
        Assert.Equal(("Eintrag 119", "Eintrag 70", "Seite 1"), (Details()[0], Details()[^1], cut.Find(".protokoll-seite").TextContent.Trim()));
        Assert.True(cut.Find("button.protokoll-neuere").HasAttribute("disabled"));

        await cut.InvokeAsync(() => cut.Find("button.protokoll-aeltere").Click());
        cut.WaitForAssertion(() => Assert.Equal("Eintrag 69", Details()[0]), Patience);
        await cut.InvokeAsync(() => cut.Find("button.protokoll-aeltere").Click());
        cut.WaitForAssertion(() => Assert.Equal(("Eintrag 19", 20, "Seite 3"), (Details()[0], Details().Count, cut.Find(".protokoll-seite").TextContent.Trim())), Patience);
        Assert.True(cut.Find("button.protokoll-aeltere").HasAttribute("disabled"));

        await cut.InvokeAsync(() => cut.Find("button.protokoll-neuere").Click());
        cut.WaitForAssertion(() => Assert.Equal(("Eintrag 69", "Seite 2"), (Details()[0], cut.Find(".protokoll-seite").TextContent.Trim())), Patience);
    }

    [Fact]
    public async Task Filtern_puts_the_typed_filter_into_the_address()
    {
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        var cut = Open(ctx, "/protokoll");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".protokoll-laden")), Patience);

        await cut.InvokeAsync(() => cut.Find(".filter-wer input").Input("Anna"));
        await cut.InvokeAsync(() => cut.Find(".filter-betrifft input").Input("tournament:"));
        await cut.InvokeAsync(() => cut.Find("button.protokoll-filtern").Click());

        Assert.EndsWith("/protokoll?wer=Anna&betrifft=tournament%3A", ctx.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }
}
