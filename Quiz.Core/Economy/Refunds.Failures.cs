using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Messaging;

namespace Quiz.Core.Economy;

/// <summary>
/// A refund Telegram refused for good: recorded once per attempt with Telegram's description (an open alert in the
/// console), retried by an admin under a new attempt and command, or resolved by an operator with a note. Every step
/// holds the purchase's row lock and changes the state only from the one it expects (compare-and-set).
/// </summary>
public sealed partial class Refunds
{
    public const int MaxFailureLength = 500;

    /// <summary>The outbox key of a refund attempt: the first keeps the key it always had, each retry gets its own.</summary>
    public static string CommandKey(Guid purchaseId, int attempt) =>
        attempt == 0 ? $"refund:{purchaseId:N}" : $"refund:{purchaseId:N}:{attempt}";

    /// <summary>
    /// Telegram refused attempt <paramref name="attempt"/> with <paramref name="description"/>: RefundRequested → RefundFailed.
    /// Repeated for the same attempt (the bot crashed before recording its command) it changes nothing; a refusal of an
    /// older attempt is <see cref="RefundOutcome.Stale"/>. The player is not told: they hear only of a refund that happened.
    /// </summary>
    public async Task<RefundOutcome> FailAsync(Guid purchaseId, int attempt, string description, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var purchase = await LockAsync($"SELECT * FROM purchases WHERE id = {purchaseId} FOR UPDATE", ct);
        if (purchase is null) return RefundOutcome.NotFound;
        if (purchase.Status == PurchaseStatus.Refunded) return RefundOutcome.AlreadyRefunded;
        if (purchase.RefundAttempt != attempt) return RefundOutcome.Stale;
        if (purchase.Status == PurchaseStatus.RefundFailed) return RefundOutcome.Failed;
        if (purchase.Status != PurchaseStatus.RefundRequested) return RefundOutcome.Stale;
        var text = string.IsNullOrWhiteSpace(description) ? "?" : description.Trim();
        purchase.Status = PurchaseStatus.RefundFailed;
        purchase.RefundFailure = text.Length <= MaxFailureLength ? text : text[..MaxFailureLength];
        purchase.RefundFailedAt = now;
        AuditLog.Record(db, AuditActors.Telegram, AuditActions.RefundFailed, AuditLog.Purchase(purchase.Id), purchase.RefundFailure, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RefundOutcome.Failed;
    }

    /// <summary>
    /// An admin tries a failed refund again: RefundFailed → RefundRequested with the next attempt number and a new command.
    /// Only from RefundFailed, so a second click (or a second admin) changes nothing (<see cref="RefundOutcome.NotFailed"/>).
    /// </summary>
    public async Task<RefundOutcome> RetryAsync(Guid purchaseId, string reason, string requestedBy, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var purchase = await LockAsync($"SELECT * FROM purchases WHERE id = {purchaseId} FOR UPDATE", ct);
        if (purchase is null) return RefundOutcome.NotFound;
        if (purchase.Status == PurchaseStatus.Refunded) return RefundOutcome.AlreadyRefunded;
        if (purchase.Status != PurchaseStatus.RefundFailed) return RefundOutcome.NotFailed;
        purchase.Status = PurchaseStatus.RefundRequested;
        purchase.RefundAttempt++;
        purchase.RefundRequestedBy = requestedBy;
        purchase.RefundRequestedAt = now;
        ClearFailure(purchase);
        await EnqueueCommandAsync(purchase, now, ct);
        AuditLog.Record(db, requestedBy, AuditActions.RefundRetried, AuditLog.Purchase(purchase.Id), reason, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RefundOutcome.Retried;
    }

    /// <summary>An operator closes the alert of a failed refund (handled otherwise); the purchase stays RefundFailed and may still be retried.</summary>
    public async Task<RefundOutcome> ResolveFailureAsync(Guid purchaseId, string note, string resolvedBy, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var purchase = await LockAsync($"SELECT * FROM purchases WHERE id = {purchaseId} FOR UPDATE", ct);
        if (purchase is null) return RefundOutcome.NotFound;
        if (purchase.Status != PurchaseStatus.RefundFailed || purchase.RefundFailureResolvedAt is not null) return RefundOutcome.NotFailed;
        purchase.RefundFailureResolvedAt = now;
        purchase.RefundFailureResolvedBy = resolvedBy;
        AuditLog.Record(db, resolvedBy, AuditActions.RefundFailureResolved, AuditLog.Purchase(purchase.Id), note, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RefundOutcome.Resolved;
    }

    private async Task EnqueueCommandAsync(Purchase purchase, DateTimeOffset now, CancellationToken ct)
    {
        var user = await db.Players.Where(p => p.Id == purchase.PlayerId).Select(p => p.TelegramUserId).SingleAsync(ct);
        // No chat id: a command is not a message to the player; it neither waits behind their chat nor dies when they block the bot.
        OutboxWriter.Enqueue(db, OutboxKinds.RefundStarPayment, chatId: null,
            new RefundCommand(purchase.Id, user, purchase.TelegramPaymentChargeId, purchase.RefundAttempt), now,
            idempotencyKey: CommandKey(purchase.Id, purchase.RefundAttempt));
    }

    private static void ClearFailure(Purchase purchase)
    {
        purchase.RefundFailure = null;
        purchase.RefundFailedAt = null;
        purchase.RefundFailureResolvedAt = null;
        purchase.RefundFailureResolvedBy = null;
    }
}
