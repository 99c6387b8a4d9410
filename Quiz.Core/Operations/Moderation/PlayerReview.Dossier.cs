using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Audit;
using Quiz.Core.Data;
using Quiz.Core.Economy.Support;

namespace Quiz.Core.Operations.Moderation;

public sealed partial class PlayerReview
{
    public const int RecentGameCount = 10;
    public const int MaxPurchases = 50;
    public const int MaxLedgerRows = 100;
    public const int MaxSupportCases = 20;
    public const int MaxFlags = 50;
    public const int MaxAuditRows = 100;
    private const int ShortText = 200;

    /// <summary>
    /// One player's page; null when there is no such player. Every list is bounded and read through the
    /// player's own indexes. A deleted account keeps its games, purchases and ledger (anonymised), so
    /// they are shown with the tombstone; name and Telegram id are gone. Without <paramref name="withMoney"/> (a moderator:
    /// PRODUCT.md gives them fair play, not money) purchases, ledger and support cases are not read, and the audit trail
    /// holds only the entries about the player, not those about their purchases (refunds).
    /// </summary>
    public async Task<PlayerDossier?> GetAsync(long playerId, bool withMoney, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var account = await db.Players.AsNoTracking().Where(p => p.Id == playerId)
            .Select(p => new PlayerAccount(
                p.Id, p.DeletedAt == null ? p.TelegramUserId : null, p.FirstName, p.Username, p.LanguageCode, p.CreatedAt, p.LastSeenAt,
                p.BlockedBotAt, p.BannedAt, p.BanReason, p.RankingHeldAt, p.RankingHoldReason, p.DeletedAt))
            .SingleOrDefaultAsync(ct);
        if (account is null) return null;

        List<PlayerPurchaseRow> purchases = [];
        List<PlayerLedgerRow> ledger = [];
        List<PlayerSupportCase> cases = [];
        if (withMoney)
        {
            (purchases, ledger, cases) = await MoneyAsync(db, playerId, ct);
        }

        // Open flags first (the ones to review), each group newest first.
        var flags = await db.CheatFlags.AsNoTracking()
            .Where(f => f.PlayerId == playerId)
            .OrderBy(f => f.Status == FlagStatus.Open ? 0 : 1).ThenByDescending(f => f.Id).Take(MaxFlags)
            .Select(f => new PlayerFlagRow(
                f.Id, f.Kind, f.Subject, f.Score, f.Evidence, f.RaisedAt, f.UpdatedAt, f.Status, f.ResolvedAt, f.ResolvedBy, f.ResolutionNote))
            .ToListAsync(ct);

        // The player's own entries and those about their purchases (refunds), newest first.
        var subjects = purchases.Select(p => AuditLog.Purchase(p.Id)).Append(AuditLog.Player(playerId)).ToList();
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(e => subjects.Contains(e.Subject))
            .OrderByDescending(e => e.Id).Take(MaxAuditRows)
            .Select(e => new PlayerAuditRow(e.Id, e.At, e.Actor, e.Action, e.Subject, e.Details))
            .ToListAsync(ct);

        return new PlayerDossier(
            account,
            await StatsAsync(db, playerId, ct),
            await RecentGamesAsync(db, playerId, antiCheat.CurrentValue, ct),
            purchases,
            ledger,
            cases,
            flags,
            audit);
    }

    /// <summary>The player's purchases, ledger and support cases (not drafts), newest first: for admins only.</summary>
    private static async Task<(List<PlayerPurchaseRow>, List<PlayerLedgerRow>, List<PlayerSupportCase>)> MoneyAsync(
        QuizDbContext db, long playerId, CancellationToken ct)
    {
        var purchases = await db.Purchases.AsNoTracking()
            .Where(p => p.PlayerId == playerId)
            .OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).Take(MaxPurchases)
            .Select(p => new PlayerPurchaseRow(
                p.Id, p.CreatedAt, p.PackageId, db.Packages.Where(k => k.Id == p.PackageId).Select(k => k.Title).FirstOrDefault(),
                p.AmountStars, p.Status, p.TelegramPaymentChargeId))
            .ToListAsync(ct);
        var ledger = await db.LedgerEntries.AsNoTracking()
            .Where(l => l.PlayerId == playerId)
            .OrderByDescending(l => l.Id).Take(MaxLedgerRows)
            .Select(l => new PlayerLedgerRow(l.Id, l.CreatedAt, l.Kind, l.Delta, l.Reason, l.PurchaseId))
            .ToListAsync(ct);
        var cases = await db.SupportCases.AsNoTracking()
            .Where(c => c.PlayerId == playerId && c.Status != SupportCaseStatus.Draft)
            .OrderByDescending(c => c.Number).Take(MaxSupportCases)
            .Select(c => new { c.Id, c.Number, c.Status, At = c.SubmittedAt ?? c.CreatedAt, c.Text, c.ClosedAt, c.ClosedBy })
            .ToListAsync(ct);
        return (purchases, ledger, [.. cases.Select(c => new PlayerSupportCase(c.Id, c.Number, c.Status, c.At, Shorten(c.Text ?? ""), c.ClosedAt, c.ClosedBy))]);
    }

    private static string Shorten(string text) => text.Length <= ShortText ? text : string.Concat(text.AsSpan(0, ShortText), " …");
}
