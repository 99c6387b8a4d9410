using Bunit;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Layout;
using Quiz.Admin.Components.Pages;
using Quiz.Core.Audit;
using Quiz.Core.Players;
using Quiz.Core.Privacy;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

/// <summary>"Protokoll": operators see account deletions (/loeschen) in the audit log.</summary>
public sealed class AuditPageTests(PostgresDatabase database) : CoreTests(database)
{
    [Fact]
    public async Task A_deleted_account_shows_in_the_protokoll_and_under_only_deletions()
    {
        var player = await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(Random.Shared.NextInt64(1, long.MaxValue), "Lotte", null, "de"));
        var deletion = Core.Get<PlayerDeletion>();
        Assert.Equal(DeletionOutcome.Deleted, (await deletion.ConfirmAsync(player.Id, (await deletion.RequestAsync(player.Id))!)).Outcome);
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        var cut = ctx.Render<AuditPage>();

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".protokoll-betrifft"), td => td.TextContent.Trim() == AuditLog.Player(player.Id)), Patience);
        await cut.InvokeAsync(() => cut.Find(".protokoll-loeschungen input").Change(true));

        cut.WaitForAssertion(() => Assert.All(cut.FindAll(".protokoll-aktion"), td => Assert.Equal(AuditActions.PlayerDeleted, td.GetAttribute("data-aktion"))), Patience);
        var row = cut.FindAll(".protokoll-tabelle tbody tr").First(tr => tr.TextContent.Contains(AuditLog.Player(player.Id), StringComparison.Ordinal));
        Assert.Contains("Konto auf Wunsch des Spielers gelöscht", row.TextContent);
        Assert.DoesNotContain("Lotte", cut.Markup);
        Assert.Contains(NavItems.All, item => item is { Href: "/protokoll", Title: "Protokoll", Roles: AdminRoles.Admin });
    }
}
