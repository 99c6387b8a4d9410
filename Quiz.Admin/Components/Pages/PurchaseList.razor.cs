using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Admin;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Käufe": purchases searched in the database, flagged payments called out, and one purchase's
/// detail with its ledger rows and refund progress. Both roles may look (support cases); only an
/// admin may refund, checked again on the click, not just by hiding the button.
/// </summary>
public sealed partial class PurchaseList
{
    private const int PageSize = 50;
    private PurchasePage? result;
    private PurchaseDetail? detail;
    private string search = "";
    private string status = "";
    private int flaggedCount;
    private int failedCount;
    private bool canRefund;
    private bool loaded;
    private (string?, string?) appliedQuery;

    /// <summary><c>/kaeufe?suche=…</c> (e.g. a charge id from a support case) fills the search.</summary>
    [SupplyParameterFromQuery(Name = "suche")]
    public string? Query { get; set; }

    /// <summary><c>/kaeufe?status=RefundFailed</c> (the overview's alert) sets the status filter.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    public string? StatusQuery { get; set; }

    [Inject]
    private PurchaseSearch Purchases { get; set; } = default!;

    [Inject]
    private RefundAdministration Refunds { get; set; } = default!;

    /// <summary>Loads in <see cref="OnParametersSetAsync"/>, where the search from the address arrives.</summary>
    protected override async Task OnInitializedAsync() => canRefund = await AdminAsync() is not null;

    protected override async Task OnParametersSetAsync()
    {
        if (loaded && (Query, StatusQuery) == appliedQuery) return;
        loaded = true;
        appliedQuery = (Query, StatusQuery);
        if (Query is not null) search = Query;
        if (Enum.TryParse<PurchaseStatus>(StatusQuery, out var fromAddress)) status = fromAddress.ToString();
        await LoadAsync();
    }

    private async Task SearchChanged(string? value)
    {
        search = value ?? "";
        await LoadAsync();
    }

    private async Task StatusChanged(string? value)
    {
        status = value ?? "";
        await LoadAsync();
    }

    protected override Task LoadAsync() => ReadAsync("Purchases", async () =>
    {
        var filterStatus = Enum.TryParse<PurchaseStatus>(status, out var s) ? s : (PurchaseStatus?)null;
        result = await Purchases.SearchAsync(new PurchaseFilter(search, filterStatus, PageSize: PageSize));
        flaggedCount = (await Purchases.SearchAsync(new PurchaseFilter(Status: PurchaseStatus.Flagged, PageSize: 1))).Total;
        failedCount = await Refunds.CountOpenFailuresAsync();
    });

    private async Task ShowAsync(Guid purchaseId) => detail = await Purchases.GetAsync(purchaseId);

    private async Task RefundAsync(string reason)
    {
        if (detail is null) return;
        if (await AdminAsync(AdminTexts.Purchases.AdminOnly) is not { } operatorName) return;
        var outcome = await Purchases.RequestRefundAsync(detail.Purchase.Id, reason, operatorName);
        var (text, severity) = outcome switch
        {
            RefundRequestOutcome.Requested => (AdminTexts.Purchases.RefundRequested, Severity.Success),
            RefundRequestOutcome.AlreadyRequested => (AdminTexts.Purchases.AlreadyRequested, Severity.Info),
            RefundRequestOutcome.AlreadyRefunded => (AdminTexts.Purchases.AlreadyRefunded, Severity.Info),
            RefundRequestOutcome.InvalidReason => (AdminTexts.Purchases.RefundReasonMissing, Severity.Warning),
            RefundRequestOutcome.Refused => (AdminTexts.Purchases.Refused, Severity.Error),
            RefundRequestOutcome.FailedBefore => (AdminTexts.Purchases.FailedBefore, Severity.Warning),
            _ => (AdminTexts.Purchases.NotFound, Severity.Warning),
        };
        Snackbar.Add(text, severity);
        await ShowAsync(detail.Purchase.Id);
        await LoadAsync();
    }

    private Task RetryAsync(string reason) => FailureActionAsync((id, by) => Refunds.RetryAsync(id, reason, by));

    private Task ResolveAsync(string note) => FailureActionAsync((id, by) => Refunds.ResolveAsync(id, note, by));

    /// <summary>Admins only, checked again here; Core lets one of several clicks through and records who and why.</summary>
    private async Task FailureActionAsync(Func<Guid, string, Task<RefundFailureOutcome>> action)
    {
        if (detail is null) return;
        if (await AdminAsync(AdminTexts.Purchases.AdminOnly) is not { } operatorName) return;
        var (text, severity) = await action(detail.Purchase.Id, operatorName) switch
        {
            RefundFailureOutcome.Retried => (AdminTexts.Purchases.Retried, Severity.Success),
            RefundFailureOutcome.Resolved => (AdminTexts.Purchases.Resolved, Severity.Success),
            RefundFailureOutcome.NotFailed => (AdminTexts.Purchases.NotFailed, Severity.Info),
            RefundFailureOutcome.AlreadyRefunded => (AdminTexts.Purchases.AlreadyRefunded, Severity.Info),
            RefundFailureOutcome.InvalidReason => (AdminTexts.Purchases.RefundReasonMissing, Severity.Warning),
            _ => (AdminTexts.Purchases.NotFound, Severity.Warning),
        };
        Snackbar.Add(text, severity);
        await ShowAsync(detail.Purchase.Id);
        await LoadAsync();
    }
}
