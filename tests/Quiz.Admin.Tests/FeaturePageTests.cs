using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Layout;
using Quiz.Admin.Components.Pages;
using Quiz.Admin.Texts;
using Quiz.Core.Audit;
using Quiz.Core.Features;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

/// <summary>"Schalter": an admin pauses a feature (audited under their name, shown in the history); a moderator may not.</summary>
public sealed class FeaturePageTests(PostgresDatabase database) : CoreTests(database)
{
    private static IRenderedComponent<FeaturePage> Open(BunitContext ctx)
    {
        RenderProviders(ctx);
        var cut = ctx.Render<FeaturePage>();
        cut.WaitForAssertion(() => Assert.Equal(FeatureKeys.All.Count, cut.FindAll(".schalter-umschalten").Count), Patience);
        return cut;
    }

    [Fact]
    public async Task An_admin_pauses_the_shop_audited_under_their_name_and_sees_it_in_the_history()
    {
        await Core.Get<FeatureSwitches>().ChangeAsync(new Dictionary<Feature, bool> { [Feature.Shop] = true }, "reset");
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        var cut = Open(ctx);

        await cut.InvokeAsync(() => cut.Find(".schalter-shop input").Change(false));

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".schalter-verlauf td"), td => td.TextContent.Contains("an → aus", StringComparison.Ordinal)), Patience);
        Assert.False((await Core.Get<FeatureSwitches>().ReadAsync()).Open(Feature.Shop));
        await using var db = Database.CreateContext();
        var audit = await db.AuditEntries.Where(e => e.Action == AuditActions.FeatureSwitched && e.Subject == "feature:shop").OrderBy(e => e.Id).LastAsync();
        Assert.Equal(("Anna Admin", "an → aus"), (audit.Actor, audit.Details));
        Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == AdminTexts.Features.Switched(Feature.Shop, false));
        Assert.Contains(NavItems.All, item => item is { Href: "/schalter", Roles: AdminRoles.Admin });
    }

    [Fact]
    public async Task A_moderator_cannot_switch_and_nothing_changes()
    {
        await using var ctx = NewContext(Core, "Mona Moderatorin", AdminRoles.Moderator);
        var cut = Open(ctx);

        await cut.InvokeAsync(() => cut.Find(".schalter-duels input").Change(false));

        cut.WaitForAssertion(() => Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == AdminTexts.Features.AdminOnly), Patience);
        Assert.True((await Core.Get<FeatureSwitches>().ReadAsync()).Open(Feature.Duels));
        await using var db = Database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Actor == "Mona Moderatorin"));
    }
}
