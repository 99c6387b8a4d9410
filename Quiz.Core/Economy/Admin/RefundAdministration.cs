using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Economy.Admin;

/// <summary>
/// The console's side of refunds Telegram refused: how many alerts are open, an admin's retry and an operator's
/// resolve (each audited in <see cref="Refunds"/>, in the operator's name, with the why). One context per call.
/// </summary>
public sealed class RefundAdministration(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    private const int MaxNameLength = 200;

    /// <summary>Refunds that stand failed and that no operator has resolved: the alert on the overview and the purchase list.</summary>
    public async Task<int> CountOpenFailuresAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await OpenFailures(db).CountAsync(ct);
    }

    public static IQueryable<Purchase> OpenFailures(QuizDbContext db) =>
        db.Purchases.AsNoTracking().Where(p => p.Status == PurchaseStatus.RefundFailed && p.RefundFailureResolvedAt == null);

    /// <summary>Requests the failed refund again under a new attempt; only once per failure, whoever clicks how often.</summary>
    public Task<RefundFailureOutcome> RetryAsync(Guid purchaseId, string reason, string requestedBy, CancellationToken ct = default) =>
        RunAsync(reason, requestedBy, (refunds, text, by) => refunds.RetryAsync(purchaseId, text, by, ct), ct);

    /// <summary>Closes the alert (the case was handled otherwise); the purchase stays failed and may still be retried.</summary>
    public Task<RefundFailureOutcome> ResolveAsync(Guid purchaseId, string note, string resolvedBy, CancellationToken ct = default) =>
        RunAsync(note, resolvedBy, (refunds, text, by) => refunds.ResolveFailureAsync(purchaseId, text, by, ct), ct);

    private async Task<RefundFailureOutcome> RunAsync(
        string why, string operatorName, Func<Refunds, string, string, Task<RefundOutcome>> step, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorName);
        var text = why?.Trim() ?? "";
        if (text.Length is 0 or > PurchaseSearch.MaxReasonLength) return RefundFailureOutcome.InvalidReason;
        var by = operatorName.Length <= MaxNameLength ? operatorName : operatorName[..MaxNameLength];
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await step(new Refunds(db, time), text, by) switch
        {
            RefundOutcome.Retried => RefundFailureOutcome.Retried,
            RefundOutcome.Resolved => RefundFailureOutcome.Resolved,
            RefundOutcome.AlreadyRefunded => RefundFailureOutcome.AlreadyRefunded,
            RefundOutcome.NotFound => RefundFailureOutcome.NotFound,
            _ => RefundFailureOutcome.NotFailed,
        };
    }
}
