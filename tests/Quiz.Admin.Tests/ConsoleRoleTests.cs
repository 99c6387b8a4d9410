using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Layout;

namespace Quiz.Admin.Tests;

/// <summary>
/// The README's role table ("Rollen in der Konsole") held against the pages' policies and the menu: a moderator gets the
/// fair-play work PRODUCT.md gives them (question reports, players, flags, bans) and nothing of money or operations.
/// </summary>
public sealed class ConsoleRoleTests
{
    private const string Both = "beide";
    private const string Admin = "admin";

    /// <summary>Every routed page behind the sign-in and who may open it, as the README says.</summary>
    private static readonly Dictionary<string, string> RoleTable = new()
    {
        ["/"] = Both,
        ["/fragen"] = Both,
        ["/fragen/import"] = Admin,
        ["/meldungen"] = Both,
        ["/spieler"] = Both,
        ["/spieler/{PlayerId:long}"] = Both,
        ["/markiert"] = Both,
        ["/shop"] = Admin,
        ["/kaeufe"] = Admin,
        ["/support"] = Admin,
        ["/abgleich"] = Admin,
        ["/turniere"] = Admin,
        ["/protokoll"] = Admin,
        ["/schalter"] = Admin,
        ["/betrieb"] = Admin,
        ["/nachrichten"] = Admin,
    };

    private static readonly string[] ModeratorMenu = ["/", "/fragen", "/meldungen", "/spieler", "/markiert"];

    private static Dictionary<string, Type> SignedInPages() =>
        typeof(NavItems).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, Type: t)))
            .ToDictionary(p => p.Template, p => p.Type);

    private static string Who(Type page)
    {
        var authorize = page.GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
        Assert.Contains(authorize, a => a.Policy == AdminRoles.ConsolePolicy);
        return authorize.Any(a => a.Roles == AdminRoles.Admin) ? Admin : Both;
    }

    [Fact]
    public void Every_page_carries_the_role_of_the_table_and_its_menu_entry_the_same()
    {
        var pages = SignedInPages();

        Assert.Equal(RoleTable.Keys.Order(), pages.Keys.Order());
        Assert.All(RoleTable, row => Assert.True(Who(pages[row.Key]) == row.Value, $"{row.Key}: page {Who(pages[row.Key])}, table {row.Value}"));
        Assert.All(NavItems.All, item => Assert.Equal(RoleTable[item.Href] == Admin ? AdminRoles.Admin : AdminRoles.Both, item.Roles));
    }

    [Theory]
    [InlineData(AdminRoles.Moderator)]
    [InlineData(AdminRoles.Admin)]
    public async Task The_menu_lists_exactly_the_pages_the_role_may_open(string role)
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("Mara Moderatorin");
        auth.SetRoles(role);

        var cut = ctx.Render<NavMenu>();

        var expected = role == AdminRoles.Admin ? NavItems.All.Select(i => i.Href).ToArray() : ModeratorMenu;
        Assert.Equal(expected, cut.FindAll("a").Select(a => new Uri(new Uri("http://x"), a.GetAttribute("href")).AbsolutePath));
        Assert.All(expected, href => Assert.True(RoleTable[href] == Both || role == AdminRoles.Admin));
    }
}
