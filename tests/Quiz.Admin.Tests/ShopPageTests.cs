using System.Reflection;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Layout;
using Quiz.Admin.Components.Pages;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

public sealed class ShopPageTests(PostgresDatabase database) : CoreTests(database)
{
    private static IElement Row(IRenderedComponent<ShopPage> cut, string id) =>
        cut.FindAll(".shop-tabelle tbody tr").Single(tr => tr.QuerySelector($"[data-paket='{id}']") is not null);

    [Fact]
    public async Task Deaktivieren_and_Aktivieren_switch_the_package_in_the_database()
    {
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        RenderProviders(ctx);
        var cut = ctx.Render<ShopPage>();
        cut.WaitForAssertion(() => Assert.Equal("true", Row(cut, "joker-5").QuerySelector(".paket-status")!.GetAttribute("data-aktiv")), Patience);
        Assert.Contains("5 Joker", Row(cut, "joker-5").QuerySelector(".paket-inhalt")!.TextContent);

        await cut.InvokeAsync(() => Row(cut, "joker-5").QuerySelector(".aktion-deaktivieren")!.Click());

        cut.WaitForAssertion(() => Assert.Equal("false", Row(cut, "joker-5").QuerySelector(".paket-status")!.GetAttribute("data-aktiv")), Patience);
        Assert.False((await LoadPackageAsync(Database, "joker-5")).IsActive);

        await cut.InvokeAsync(() => Row(cut, "joker-5").QuerySelector(".aktion-aktivieren")!.Click());

        cut.WaitForAssertion(() => Assert.Equal("true", Row(cut, "joker-5").QuerySelector(".paket-status")!.GetAttribute("data-aktiv")), Patience);
        Assert.True((await LoadPackageAsync(Database, "joker-5")).IsActive);
    }

    [Fact]
    public async Task A_new_package_is_checked_in_German_and_saved_once_it_is_valid()
    {
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        var dialogs = RenderProviders(ctx);
        var cut = ctx.Render<ShopPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".shop-tabelle tbody tr")), Patience);

        await cut.InvokeAsync(() => cut.Find(".shop-neu").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(".feld-id input")), Patience);
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-id input").Input("Leben 9"));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-titel input").Input("9 Extra-Leben"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".dialog-fehler-eintrag")), Patience);
        var errors = dialogs.FindAll(".dialog-fehler-eintrag").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains(errors, e => e.StartsWith("Die ID besteht nur aus Kleinbuchstaben", StringComparison.Ordinal));
        Assert.Contains("Die Beschreibung fehlt.", errors);
        Assert.Contains("Der Preis muss zwischen 1 und 10.000 Sternen liegen.", errors);
        Assert.Contains("Das Paket muss etwas enthalten (Spiele, Extra-Leben, Joker, Turnier-Tickets oder Premium-Tage).", errors);

        await dialogs.InvokeAsync(() => dialogs.Find(".feld-id input").Input("leben-9"));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-beschreibung textarea").Input("Neun Extra-Leben für Überleben."));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-preis input").Input("70"));
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-extra-leben input").Input("9"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-speichern").Click());

        cut.WaitForAssertion(() => Assert.Contains("9 Extra-Leben", Row(cut, "leben-9").QuerySelector(".paket-inhalt")!.TextContent), Patience);
        var stored = await LoadPackageAsync(Database, "leben-9");
        Assert.Equal(("9 Extra-Leben", 70, 9, true), (stored.Title, stored.PriceStars, stored.Contents.ExtraLives, stored.IsActive));
    }

    [Fact]
    public void Shop_and_Kaeufe_are_for_admins_only_and_both_are_in_the_menu()
    {
        var shop = typeof(ShopPage).GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
        Assert.Contains(shop, a => a.Policy == AdminRoles.ConsolePolicy);
        Assert.Contains(shop, a => a.Roles == AdminRoles.Admin);
        Assert.Equal("/shop", typeof(ShopPage).GetCustomAttribute<Microsoft.AspNetCore.Components.RouteAttribute>()?.Template);
        var purchases = typeof(PurchaseList).GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
        Assert.Contains(purchases, a => a.Policy == AdminRoles.ConsolePolicy);
        Assert.Contains(purchases, a => a.Roles == AdminRoles.Admin);
        Assert.Equal("/kaeufe", typeof(PurchaseList).GetCustomAttribute<Microsoft.AspNetCore.Components.RouteAttribute>()?.Template);
        Assert.Contains(NavItems.All, item => item is { Href: "/shop", Title: "Shop", Roles: AdminRoles.Admin });
        Assert.Contains(NavItems.All, item => item is { Href: "/kaeufe", Title: "Käufe", Roles: AdminRoles.Admin });
    }
}
