using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;

namespace Quiz.IntegrationTests.Operations;

/// <summary>Rows of the kinds housekeeping purges (or must keep), aged relative to a test's "now".</summary>
internal static class HousekeepingSeed
{
    public static OutboxMessage Outbox(DateTimeOffset now, OutboxState state, double ageDays, string? key = null) => new()
    {
        Kind = "send_message",
        ChatId = 42,
        Payload = "{}",
        State = state,
        IdempotencyKey = key,
        CreatedAt = now.AddDays(-ageDays - 1),
        AvailableAt = now.AddDays(-ageDays - 1),
        ProcessedAt = state == OutboxState.Pending ? null : now.AddDays(-ageDays),
    };

    public static Invoice Invoice(DateTimeOffset now, long playerId, double expiredDaysAgo, bool paid = false)
    {
        var id = Guid.NewGuid();
        var expires = now.AddDays(-expiredDaysAgo);
        return new Invoice
        {
            Id = id, Payload = id.ToString("N"), PlayerId = playerId, PackageId = "spiele-10", Title = "10 Spiele", PriceStars = 50,
            Contents = new Contents(10, 0, 0, 0, 0), CreatedAt = expires - Core.Economy.Invoice.Lifetime, ExpiresAt = expires,
            PaidAt = paid ? expires.AddHours(-1) : null,
        };
    }

    public static Purchase Purchase(DateTimeOffset at, Invoice invoice, PurchaseStatus status = PurchaseStatus.Completed) => new()
    {
        Id = Guid.NewGuid(), InvoiceId = invoice.Id, PlayerId = invoice.PlayerId, PackageId = invoice.PackageId, AmountStars = invoice.PriceStars,
        TelegramPaymentChargeId = $"charge-{Guid.NewGuid():N}", Status = status,
        FlagReason = status == PurchaseStatus.Flagged ? "Rechnung abgelaufen" : null, CreatedAt = at,
    };

    public static LedgerEntry Ledger(DateTimeOffset at, Purchase purchase) => new()
    {
        PlayerId = purchase.PlayerId, Kind = AssetKind.GameCredit, Delta = 10, Reason = LedgerReason.Purchase,
        IdempotencyKey = $"purchase:{purchase.Id}", PurchaseId = purchase.Id, CreatedAt = at,
    };

    public static AuditEntry Audit(DateTimeOffset at) => new()
    {
        At = at, Actor = "worker", Action = AuditActions.ReconciliationRequested, Subject = $"test:{Guid.NewGuid():N}",
    };

    /// <summary>Many old sent rows and old update ids in one statement each, for the batch and concurrency tests.</summary>
    public static async Task BulkOldAsync(QuizDbContext db, DateTimeOffset now, int rows, double ageDays)
    {
        var at = now.AddDays(-ageDays);
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO outbox_messages (kind, chat_id, payload, state, attempts, created_at, available_at, processed_at)
            SELECT 'send_message', g, '{}'::jsonb, 'sent', 1, {{at}}, {{at}}, {{at}} FROM generate_series(1, {{rows}}) g
            """);
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO processed_updates (update_id, received_at, completed_at)
            SELECT 10000000 + g, {{at}}, {{at}} FROM generate_series(1, {{rows}}) g ON CONFLICT DO NOTHING
            """);
    }
}
