using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Audit;
using Quiz.Core.Data;
using Quiz.Core.Messaging;
using Quiz.Core.Players;

namespace Quiz.Core.Economy.Admin;

/// <summary>
/// The console's view of purchases: search, detail with the purchase's ledger rows and the refund's
/// progress, and the operator's refund request. Reads only, except <see cref="RequestRefundAsync"/>,
/// which hands over to <see cref="Refunds"/> (the same path support cases take). One context per call.
/// </summary>
public sealed class PurchaseSearch(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public const int MaxReasonLength = 500;
    private const int MaxRequestedByLength = 200;
    private const string FlaggedConstraint = "ck_purchases_flagged";

    public async Task<PurchasePage> SearchAsync(PurchaseFilter filter, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Joined(db);
        if (filter.Search?.Trim() is { Length: > 0 } term)
        {
            var pattern = $"%{EscapeLike(term)}%";
            var namePattern = $"%{EscapeLike(term.TrimStart('@'))}%";
            query = long.TryParse(term, out var telegramId)
                ? query.Where(j => j.Player.TelegramUserId == telegramId || EF.Functions.ILike(j.Purchase.TelegramPaymentChargeId, pattern, @"\"))
                : query.Where(j => EF.Functions.ILike(j.Player.FirstName, namePattern, @"\")
                    || (j.Player.Username != null && EF.Functions.ILike(j.Player.Username, namePattern, @"\"))
                    || EF.Functions.ILike(j.Purchase.TelegramPaymentChargeId, pattern, @"\"));
        }
        if (filter.Status is { } status) query = query.Where(j => j.Purchase.Status == status);

        var total = await query.CountAsync(ct);
        var size = Math.Clamp(filter.PageSize, 1, PurchaseFilter.MaxPageSize);
        var items = await Rows(db, query.OrderByDescending(j => j.Purchase.CreatedAt).ThenBy(j => j.Purchase.Id)
            .Skip(Math.Max(filter.Page, 0) * size).Take(size)).ToListAsync(ct);
        return new PurchasePage(items, total);
    }

    public async Task<PurchaseDetail?> GetAsync(Guid purchaseId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await Rows(db, Joined(db).Where(j => j.Purchase.Id == purchaseId)).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var purchase = await db.Purchases.AsNoTracking().SingleAsync(p => p.Id == purchaseId, ct);
        var key = Refunds.CommandKey(purchaseId, purchase.RefundAttempt);
        var command = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == OutboxKinds.RefundStarPayment && m.IdempotencyKey == key).SingleOrDefaultAsync(ct);
        var ledger = await db.LedgerEntries.AsNoTracking().Where(l => l.PurchaseId == purchaseId).OrderBy(l => l.Id)
            .Select(l => new LedgerRow(l.Id, l.CreatedAt, l.Kind, l.Delta, l.Reason, l.IdempotencyKey)).ToListAsync(ct);
        var stage = purchase.Status switch
        {
            PurchaseStatus.Refunded => RefundStage.Refunded,
            PurchaseStatus.RefundFailed => RefundStage.Failed,
            _ when command is null => purchase.Status == PurchaseStatus.RefundRequested ? RefundStage.Pending : RefundStage.None,
            _ => command.State switch
            {
                OutboxState.Sent => RefundStage.Sent,
                OutboxState.Failed or OutboxState.Dead => RefundStage.Failed,
                _ => RefundStage.Pending,
            },
        };
        var refund = new RefundProgress(stage, purchase.RefundReason, purchase.RefundRequestedBy, purchase.RefundRequestedAt, purchase.RefundedAt,
            command?.State, command?.Attempts ?? 0, command?.LastError, command?.ProcessedAt)
        {
            Attempt = purchase.RefundAttempt,
            Failure = purchase.RefundFailure,
            FailedAt = purchase.RefundFailedAt,
            FailureResolvedAt = purchase.RefundFailureResolvedAt,
            FailureResolvedBy = purchase.RefundFailureResolvedBy,
        };
        var history = (await AuditLog.ForSubjectAsync(db, AuditLog.Purchase(purchaseId), ct)).Select(e => new AuditRow(e.At, e.Actor, e.Action, e.Details)).ToList();
        return new PurchaseDetail(row, refund, ledger, history);
    }

    /// <summary>
    /// Asks for a refund of <paramref name="purchaseId"/> in the name of <paramref name="requestedBy"/>:
    /// the bot layer executes it from the outbox. A second request while one is on its way changes nothing.
    /// </summary>
    public async Task<RefundRequestOutcome> RequestRefundAsync(Guid purchaseId, string reason, string requestedBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        var text = reason?.Trim() ?? "";
        if (text.Length is 0 or > MaxReasonLength) return RefundRequestOutcome.InvalidReason;
        var by = requestedBy.Length <= MaxRequestedByLength ? requestedBy : requestedBy[..MaxRequestedByLength];
        await using var db = await contexts.CreateDbContextAsync(ct);
        RefundOutcome outcome;
        try
        {
            outcome = await new Refunds(db, time).RequestAsync(purchaseId, text, by, ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.CheckViolation, ConstraintName: FlaggedConstraint })
        {
            // Refunds keeps the flag reason while the status leaves "flagged", which the purchases
            // check constraint forbids; until that is fixed the console says so instead of failing.
            return RefundRequestOutcome.Refused;
        }
        return outcome switch
        {
            RefundOutcome.Requested => RefundRequestOutcome.Requested,
            RefundOutcome.AlreadyRequested => RefundRequestOutcome.AlreadyRequested,
            RefundOutcome.FailedBefore => RefundRequestOutcome.FailedBefore,
            RefundOutcome.AlreadyRefunded or RefundOutcome.Completed => RefundRequestOutcome.AlreadyRefunded,
            _ => RefundRequestOutcome.NotFound,
        };
    }

    private static IQueryable<PurchaseWithPlayer> Joined(QuizDbContext db) =>
        from p in db.Purchases.AsNoTracking()
        join player in db.Players.AsNoTracking() on p.PlayerId equals player.Id
        select new PurchaseWithPlayer { Purchase = p, Player = player };

    private static IQueryable<PurchaseRow> Rows(QuizDbContext db, IQueryable<PurchaseWithPlayer> query) =>
        query.Select(j => new PurchaseRow(
            j.Purchase.Id, j.Purchase.CreatedAt, j.Purchase.PlayerId, j.Player.TelegramUserId, j.Player.FirstName, j.Player.Username,
            j.Purchase.PackageId, db.Packages.Where(k => k.Id == j.Purchase.PackageId).Select(k => k.Title).FirstOrDefault(),
            j.Purchase.AmountStars, j.Purchase.Status, j.Purchase.FlagReason, j.Purchase.IsRecurring, j.Purchase.TelegramPaymentChargeId));

    private static string EscapeLike(string term) =>
        term.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    /// <summary>Filters run on the entities; the row is projected last (EF cannot filter a constructed record).</summary>
    private sealed class PurchaseWithPlayer
    {
        public required Purchase Purchase { get; init; }
        public required Player Player { get; init; }
    }
}
