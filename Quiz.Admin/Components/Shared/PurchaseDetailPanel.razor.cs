using Microsoft.AspNetCore.Components;
using Quiz.Core.Economy.Admin;

namespace Quiz.Admin.Components.Shared;

/// <summary>One purchase: its ledger rows, the refund's progress and, for admins, the refund form.</summary>
public sealed partial class PurchaseDetailPanel
{
    private string reason = "";
    private bool reasonMissing;
    private bool busy;

    [Parameter, EditorRequired]
    public PurchaseDetail Detail { get; set; } = default!;

    [Parameter]
    public bool CanRefund { get; set; }

    /// <summary>Called with the trimmed reason; the page does the request and reloads <see cref="Detail"/>.</summary>
    [Parameter]
    public EventCallback<string> OnRefund { get; set; }

    private async Task RefundAsync()
    {
        var text = reason?.Trim() ?? "";
        reasonMissing = text.Length is 0 or > PurchaseSearch.MaxReasonLength;
        if (reasonMissing) return;
        busy = true;
        try
        {
            await OnRefund.InvokeAsync(text);
        }
        finally
        {
            busy = false;
        }
    }
}
