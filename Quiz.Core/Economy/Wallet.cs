using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Economy;

/// <summary>What a player owns right now.</summary>
public sealed record Holdings(int Games, int ExtraLives, int Jokers, int TournamentTickets, DateTimeOffset? PremiumUntil)
{
    public static readonly Holdings None = new(0, 0, 0, 0, null);
}

/// <summary>
/// Every change to an entitlement, inside the caller's transaction: the entitlement row is locked
/// (created on first use), the idempotency key is checked under that lock, then the holding and
/// its ledger row change together. The unique ledger key is the last line of defence.
/// </summary>
public static class Wallet
{
    /// <summary>
    /// THE lock order of entitlement rows: by player id, then by <see cref="AssetKind"/> in enum order
    /// (games, extra lives, jokers, tickets, Premium). A transaction that changes more than one row —
    /// a purchase, a refund, a tournament's rewards — takes them all here before it changes any, so
    /// two such transactions never wait for each other crosswise (PostgreSQL would abort one with 40P01).
    /// The use-case's own locks (player row via <c>PlayerLock</c>, invoice, purchase, tournament row)
    /// come first, never after an entitlement row. Later calls for these rows find them already held.
    /// </summary>
    public static async Task LockInOrderAsync(QuizDbContext db, IEnumerable<(long PlayerId, AssetKind Kind)> rows, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (playerId, kind) in rows.Distinct().OrderBy(r => r.PlayerId).ThenBy(r => r.Kind))
        {
            await LockAsync(db, playerId, kind, now, ct);
        }
    }

    public static async Task<bool> GrantAsync(
        QuizDbContext db, long playerId, AssetKind kind, int amount, LedgerReason reason, string key, Guid? purchaseId, DateTimeOffset now, CancellationToken ct)
    {
        var entitlement = await LockAsync(db, playerId, kind, now, ct);
        if (await db.LedgerEntries.AnyAsync(l => l.IdempotencyKey == key, ct)) return false;
        if (kind == AssetKind.Premium)
        {
            var from = entitlement.ValidUntil is { } until && until > now ? until : now;
            entitlement.ValidUntil = from.AddDays(amount);
        }
        else entitlement.Uses += amount;
        return await RecordAsync(db, entitlement, amount, reason, key, purchaseId, null, now, ct);
    }

    /// <summary>Uses one; true when used now or already for this key (idempotent per game session), false when none is left.</summary>
    public static async Task<bool> TryConsumeAsync(QuizDbContext db, long playerId, AssetKind kind, string key, Guid? sessionId, DateTimeOffset now, CancellationToken ct)
    {
        var entitlement = await LockAsync(db, playerId, kind, now, ct);
        if (await db.LedgerEntries.AnyAsync(l => l.IdempotencyKey == key, ct)) return true;
        if (entitlement.Uses <= 0) return false;
        entitlement.Uses--;
        return await RecordAsync(db, entitlement, -1, LedgerReason.Consumption, key, null, sessionId, now, ct);
    }

    /// <summary>Takes back up to <paramref name="amount"/> (what is left of it); returns what was taken (days for Premium).</summary>
    public static async Task<int> RevokeAsync(QuizDbContext db, long playerId, AssetKind kind, int amount, string key, Guid purchaseId, DateTimeOffset now, CancellationToken ct)
    {
        var entitlement = await LockAsync(db, playerId, kind, now, ct);
        if (await db.LedgerEntries.AnyAsync(l => l.IdempotencyKey == key, ct)) return 0;
        int taken;
        if (kind == AssetKind.Premium)
        {
            var left = entitlement.ValidUntil is { } until && until > now ? (int)Math.Ceiling((until - now).TotalDays) : 0;
            taken = Math.Min(amount, left);
            if (taken > 0) entitlement.ValidUntil = Max(now, entitlement.ValidUntil!.Value.AddDays(-taken));
        }
        else
        {
            taken = Math.Min(amount, entitlement.Uses);
            entitlement.Uses -= taken;
        }
        if (taken > 0) await RecordAsync(db, entitlement, -taken, LedgerReason.Refund, key, purchaseId, null, now, ct);
        return taken;
    }

    public static async Task<Holdings> HoldingsAsync(QuizDbContext db, long playerId, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Entitlements.AsNoTracking().Where(e => e.PlayerId == playerId).ToListAsync(ct);
        int Uses(AssetKind kind) => rows.FirstOrDefault(r => r.Kind == kind)?.Uses ?? 0;
        var premium = rows.FirstOrDefault(r => r.Kind == AssetKind.Premium)?.ValidUntil;
        return new Holdings(Uses(AssetKind.GameCredit), Uses(AssetKind.ExtraLife), Uses(AssetKind.Joker), Uses(AssetKind.TournamentTicket),
            premium > now ? premium : null);
    }

    /// <summary>How many of a countable asset the player holds now (0 without a row).</summary>
    public static Task<int> UsesAsync(QuizDbContext db, long playerId, AssetKind kind, CancellationToken ct) =>
        db.Entitlements.Where(e => e.PlayerId == playerId && e.Kind == kind).Select(e => e.Uses).SingleOrDefaultAsync(ct);

    public static Task<bool> HasPremiumAsync(QuizDbContext db, long playerId, DateTimeOffset now, CancellationToken ct) =>
        db.Entitlements.AnyAsync(e => e.PlayerId == playerId && e.Kind == AssetKind.Premium && e.ValidUntil > now, ct);

    private static async Task<Entitlement> LockAsync(QuizDbContext db, long playerId, AssetKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var kindText = EnumColumns.ToColumn(kind);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO entitlements (player_id, kind, uses, updated_at) VALUES ({playerId}, {kindText}, 0, {now}) ON CONFLICT DO NOTHING", ct);
        return (await db.Entitlements
            .FromSqlInterpolated($"SELECT * FROM entitlements WHERE player_id = {playerId} AND kind = {kindText} FOR UPDATE")
            .ToListAsync(ct)).Single();
    }

    private static async Task<bool> RecordAsync(
        QuizDbContext db, Entitlement entitlement, int delta, LedgerReason reason, string key, Guid? purchaseId, Guid? sessionId, DateTimeOffset now, CancellationToken ct)
    {
        entitlement.UpdatedAt = now;
        db.LedgerEntries.Add(new LedgerEntry
        {
            PlayerId = entitlement.PlayerId, Kind = entitlement.Kind, Delta = delta, Reason = reason, IdempotencyKey = key,
            PurchaseId = purchaseId, SessionId = sessionId, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
