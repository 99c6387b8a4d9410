using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Texts;

namespace Quiz.Admin.Components.Layout;

/// <param name="Roles">Comma-separated roles that see the entry (as for <c>AuthorizeView.Roles</c>).</param>
public sealed record NavItem(string Title, string Href, string Icon, string Roles, NavLinkMatch Match = NavLinkMatch.Prefix);

/// <summary>
/// The drawer's entries with the roles that may use them; the page itself carries the same restriction
/// (ConsoleRoleTests holds both to the README's role table). PRODUCT.md gives moderators the fair-play work:
/// question reports (Fragen, Meldungen) and players (Spieler, Markiert: review, flag, ban). Money (Shop, Käufe,
/// Support for /paysupport, Abgleich) and running the service (Turniere, Protokoll, Schalter, Betrieb,
/// Nachrichten) are the admin's.
/// </summary>
public static class NavItems
{
    public static readonly IReadOnlyList<NavItem> All =
    [
        new(AdminTexts.Navigation.Overview, "/", Icons.Material.Filled.Dashboard, AdminRoles.Both, NavLinkMatch.All),
        new(AdminTexts.Navigation.Questions, "/fragen", Icons.Material.Filled.Quiz, AdminRoles.Both),
        new(AdminTexts.Navigation.Reports, "/meldungen", Icons.Material.Filled.Flag, AdminRoles.Both),
        new(AdminTexts.Navigation.Shop, "/shop", Icons.Material.Filled.Storefront, AdminRoles.Admin),
        new(AdminTexts.Navigation.Purchases, "/kaeufe", Icons.Material.Filled.ReceiptLong, AdminRoles.Admin),
        new(AdminTexts.Navigation.Support, "/support", Icons.Material.Filled.SupportAgent, AdminRoles.Admin),
        new(AdminTexts.Navigation.Players, "/spieler", Icons.Material.Filled.People, AdminRoles.Both),
        new(AdminTexts.Navigation.Flags, "/markiert", Icons.Material.Filled.Report, AdminRoles.Both),
        new(AdminTexts.Navigation.Reconciliation, "/abgleich", Icons.Material.Filled.Balance, AdminRoles.Admin),
        new(AdminTexts.Navigation.Tournaments, "/turniere", Icons.Material.Filled.EmojiEvents, AdminRoles.Admin),
        new(AdminTexts.Navigation.Audit, "/protokoll", Icons.Material.Filled.History, AdminRoles.Admin),
        new(AdminTexts.Features.Title, "/schalter", Icons.Material.Filled.ToggleOn, AdminRoles.Admin),
        new(AdminTexts.Navigation.Machinery, "/betrieb", Icons.Material.Filled.MonitorHeart, AdminRoles.Admin),
        new(AdminTexts.Announcements.Navigation, "/nachrichten", Icons.Material.Filled.Campaign, AdminRoles.Admin),
    ];
}
