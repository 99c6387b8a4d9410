using Microsoft.AspNetCore.Components;
using Quiz.Core.Economy.Support;

namespace Quiz.Admin.Components.Shared;

/// <summary>One support case in full: the player's text, the closing and reply, and the player's purchases.</summary>
public sealed partial class SupportCaseDetail
{
    [Parameter, EditorRequired]
    public SupportCaseRow Case { get; set; } = default!;

    /// <summary>Käufe searches by charge id, so the link finds exactly this purchase.</summary>
    private static string PurchaseLink(SupportPurchase purchase) => $"/kaeufe?suche={Uri.EscapeDataString(purchase.TelegramPaymentChargeId)}";
}
