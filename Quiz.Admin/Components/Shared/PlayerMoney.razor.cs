using Microsoft.AspNetCore.Components;
using Quiz.Core.Operations.Moderation;

namespace Quiz.Admin.Components.Shared;

/// <summary>The player's purchases (each linking to "Käufe", where refunds are), support cases and ledger.</summary>
public sealed partial class PlayerMoney
{
    [Parameter, EditorRequired]
    public IReadOnlyList<PlayerPurchaseRow> Purchases { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<PlayerLedgerRow> Ledger { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<PlayerSupportCase> SupportCases { get; set; } = [];
}
