using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Common;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Support;
using Quiz.Core.Game;
using Quiz.Core.Messaging;

namespace Quiz.Core.Privacy;

public enum DeletionOutcome
{
    /// <summary>This call deleted the account.</summary>
    Deleted,

    /// <summary>The token is unknown, replaced or expired: nothing changed.</summary>
    Expired,

    /// <summary>The account was deleted before (a second tap): nothing changed.</summary>
    AlreadyDeleted,
}

/// <summary>What a confirmed deletion did; <see cref="SubscriptionCanceled"/>: an open subscription's renewal is being stopped.</summary>
public sealed record DeletionResult(DeletionOutcome Outcome, bool SubscriptionCanceled = false);

/// <summary>
/// Payload of <see cref="OutboxKinds.CancelStarSubscription"/>: the bot layer stops the renewal with
/// editUserStarSubscription. It carries the Telegram user id because the player row no longer does.
/// </summary>
public sealed record CancelSubscriptionCommand(Guid PurchaseId, long TelegramUserId, string TelegramPaymentChargeId);

/// <summary>
/// <c>/loeschen</c>: the player asks (a short-lived token for the confirmation button), then confirms
/// once. The confirmation locks the player row and compares the token, so a double tap deletes once.
/// Deleting stops an open subscription first (outbox command in the same transaction), abandons open
/// games, redacts support texts, drops the chat's outbox rows, anonymises the player row into a
/// tombstone (no name, username, language, Telegram link) that keeps purchases, ledger and games
/// pseudonymous as bookkeeping law requires, and audits it. See docs/decisions/0009-player-deletion.md.
/// </summary>
public sealed class PlayerDeletion(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    /// <summary>How long the confirmation button stays valid.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Telegram ids have at most 52 significant bits: −(2^53 + id) is never a chat anyone can be reached in.</summary>
    public const long TombstoneBase = 1L << 53;

    public const string RedactedText = "[gelöscht]";

    public static long TombstoneTelegramId(long playerId) => -(TombstoneBase + playerId);

    /// <summary>A new confirmation token (replacing any earlier one); null if the player is deleted.</summary>
    public async Task<string?> RequestAsync(long playerId, CancellationToken ct = default)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var expires = time.GetUtcNow() + TokenLifetime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var changed = await db.Players.Where(p => p.Id == playerId && p.DeletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletionToken, token).SetProperty(p => p.DeletionTokenExpiresAt, expires), ct);
        return changed == 1 ? token : null;
    }

    /// <summary>The player pressed "Abbrechen": the token is void.</summary>
    public async Task<bool> AbortAsync(long playerId, string token, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Players.Where(p => p.Id == playerId && p.DeletionToken == token)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletionToken, (string?)null).SetProperty(p => p.DeletionTokenExpiresAt, (DateTimeOffset?)null), ct) == 1;
    }

    public async Task<DeletionResult> ConfirmAsync(long playerId, string token, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var player = (await db.Players.FromSqlInterpolated($"SELECT * FROM players WHERE id = {playerId} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();
        if (player is null || player.DeletedAt is not null) return new(DeletionOutcome.AlreadyDeleted);
        if (player.DeletionToken is null || player.DeletionTokenExpiresAt <= now
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(player.DeletionToken), System.Text.Encoding.ASCII.GetBytes(token)))
        {
            return new(DeletionOutcome.Expired);
        }

        var telegramUserId = player.TelegramUserId;
        var canceled = await CancelSubscriptionAsync(db, player.Id, now, ct);
        await GameSessions.OpenOf(db, player.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.State, SessionState.Abandoned).SetProperty(g => g.FinishedAt, now), ct);
        await db.SupportCases.Where(c => c.PlayerId == player.Id && c.Status == SupportCaseStatus.Draft).ExecuteDeleteAsync(ct);
        await db.SupportCases.Where(c => c.PlayerId == player.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Text, RedactedText), ct);
        // Messages to the chat (sent ones hold names and answers); a row the dispatcher holds right now is left to finish.
        await db.OutboxMessages.Where(m => m.ChatId == telegramUserId && (m.LockedUntil == null || m.LockedUntil < now)).ExecuteDeleteAsync(ct);

        player.TelegramUserId = TombstoneTelegramId(player.Id);
        player.FirstName = "";
        player.Username = null;
        player.LanguageCode = null;
        player.BlockedBotAt = null;
        player.DeletionToken = null;
        player.DeletionTokenExpiresAt = null;
        player.DeletedAt = now;

        var purchases = await db.Purchases.CountAsync(p => p.PlayerId == player.Id, ct);
        var ledger = await db.LedgerEntries.CountAsync(l => l.PlayerId == player.Id, ct);
        AuditLog.Record(db, AuditActors.Player, AuditActions.PlayerDeleted, AuditLog.Player(player.Id),
            $"Auf Wunsch des Spielers gelöscht; {GermanCount.Of(purchases, "Kauf", "Käufe")} und {GermanCount.Of(ledger, "Buchung", "Buchungen")} anonymisiert aufbewahrt" + (canceled ? "; Abo gekündigt" : ""), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(DeletionOutcome.Deleted, canceled);
    }

    /// <summary>An open subscription whose renewal is still on: marked cancelled and handed to the bot layer to stop at Telegram.</summary>
    private async Task<bool> CancelSubscriptionAsync(QuizDbContext db, long playerId, DateTimeOffset now, CancellationToken ct)
    {
        var current = await new Subscriptions(db, time).CurrentAsync(playerId, ct);
        if (current is null || current.Canceled) return false;
        OutboxWriter.Enqueue(db, OutboxKinds.CancelStarSubscription, null,
            new CancelSubscriptionCommand(current.PurchaseId, current.TelegramUserId, current.ChargeId), now,
            idempotencyKey: $"delete-cancel:{current.PurchaseId:N}");
        await db.Purchases.Where(p => p.Id == current.PurchaseId).ExecuteUpdateAsync(s => s.SetProperty(p => p.SubscriptionCanceledAt, now), ct);
        return true;
    }
}
