using Microsoft.AspNetCore.Components;
using Quiz.Core.Economy.Admin;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// One purchase: its ledger rows, the refund's progress and, for admins, the refund form — or, when Telegram refused
/// the refund, its description with "Erneut erstatten" and "Als erledigt markieren" (each with a required why).
/// </summary>
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

    /// <summary>Called with the trimmed reason to retry a refund Telegram refused.</summary>
    [Parameter]
    public EventCallback<string> OnRetry { get; set; }

    /// <summary>Called with the trimmed note to close the alert of a refused refund.</summary>
    [Parameter]
    public EventCallback<string> OnResolve { get; set; }

    /// <summary>One action at a time: the button is disabled while it runs (Core refuses a second one anyway).</summary>
    private async Task SubmitAsync(EventCallback<string> action)
    {
        var text = reason?.Trim() ?? "";
        reasonMissing = text.Length is 0 or > PurchaseSearch.MaxReasonLength;
        if (reasonMissing || busy) return;
        busy = true;
        try
        {
            await action.InvokeAsync(text);
            reason = "";
        }
        finally
        {
            busy = false;
        }
    }
}
