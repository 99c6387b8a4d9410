using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Texts;

namespace Quiz.Admin.Components.Layout;

/// <param name="Roles">Comma-separated roles that see the entry (as for <c>AuthorizeView.Roles</c>).</param>
public sealed record NavItem(string Title, string Href, string Icon, string Roles, NavLinkMatch Match = NavLinkMatch.Prefix);

/// <summary>
/// The drawer's entries. Later sections (Moderation) are added here with the roles that may use
/// them; the page itself must carry the same restriction. Shop is admin-only; Käufe and Support
/// are open to both roles, but only an admin may refund; Spieler and Markiert are open to both roles
/// (moderators review, flag and ban); Abgleich and Turniere are admin-only.
/// </summary>
public static class NavItems
{
    private const string Everyone = $"{AdminRoles.Admin},{AdminRoles.Moderator}";

    public static readonly IReadOnlyList<NavItem> All =
    [
        new(AdminTexts.Navigation.Overview, "/", Icons.Material.Filled.Dashboard, Everyone, NavLinkMatch.All),
        new(AdminTexts.Navigation.Questions, "/fragen", Icons.Material.Filled.Quiz, Everyone),
        new(AdminTexts.Navigation.Reports, "/meldungen", Icons.Material.Filled.Flag, Everyone),
        new(AdminTexts.Navigation.Shop, "/shop", Icons.Material.Filled.Storefront, AdminRoles.Admin),
        new(AdminTexts.Navigation.Purchases, "/kaeufe", Icons.Material.Filled.ReceiptLong, Everyone),
        new(AdminTexts.Navigation.Support, "/support", Icons.Material.Filled.SupportAgent, Everyone),
        new(AdminTexts.Navigation.Players, "/spieler", Icons.Material.Filled.People, Everyone),
        new(AdminTexts.Navigation.Flags, "/markiert", Icons.Material.Filled.Report, Everyone),
        new(AdminTexts.Navigation.Reconciliation, "/abgleich", Icons.Material.Filled.Balance, AdminRoles.Admin),
        new(AdminTexts.Navigation.Tournaments, "/turniere", Icons.Material.Filled.EmojiEvents, AdminRoles.Admin),
        new(AdminTexts.Navigation.Audit, "/protokoll", Icons.Material.Filled.History, AdminRoles.Admin),
        new(AdminTexts.Features.Title, "/schalter", Icons.Material.Filled.ToggleOn, AdminRoles.Admin),
        new(AdminTexts.Navigation.Machinery, "/betrieb", Icons.Material.Filled.MonitorHeart, AdminRoles.Admin),
        new(AdminTexts.Announcements.Navigation, "/nachrichten", Icons.Material.Filled.Campaign, AdminRoles.Admin),
    ];
}
