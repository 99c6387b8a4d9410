using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Data;
using Quiz.Core.Messaging;
using Quiz.Core.Players;

namespace Quiz.Core.Economy.Support;

/// <summary>
/// The console's side of <c>/paysupport</c>: the cases with the player and the player's purchases,
/// and closing a case with an optional reply that the bot sends to the player. Closing runs under
/// the case's row lock and writes the notice in the same transaction, so it goes out exactly once.
/// One context per call (Blazor components hold this for a whole circuit).
/// </summary>
public sealed class SupportCaseAdministration(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    private const int MaxClosedByLength = 200;

    /// <summary>Open cases oldest first (a queue); closed and all cases newest first.</summary>
    public async Task<SupportCasePage> SearchAsync(SupportCaseFilter filter, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = from c in db.SupportCases.AsNoTracking()
                    join p in db.Players.AsNoTracking() on c.PlayerId equals p.Id
                    where c.Status != SupportCaseStatus.Draft
                    select new CaseWithPlayer { Case = c, Player = p };
        query = filter.View switch
        {
            SupportCaseView.Open => query.Where(j => j.Case.Status == SupportCaseStatus.Open),
            SupportCaseView.Closed => query.Where(j => j.Case.Status == SupportCaseStatus.Closed),
            _ => query,
        };
        if (filter.Search?.Trim() is { Length: > 0 } term)
        {
            var number = term.TrimStart('#');
            var namePattern = $"%{EscapeLike(term.TrimStart('@'))}%";
            query = long.TryParse(number, out var id)
                ? query.Where(j => j.Player.TelegramUserId == id || j.Case.Number == id)
                : query.Where(j => EF.Functions.ILike(j.Player.FirstName, namePattern, @"\")
                    || (j.Player.Username != null && EF.Functions.ILike(j.Player.Username, namePattern, @"\")));
        }

        var total = await query.CountAsync(ct);
        var size = Math.Clamp(filter.PageSize, 1, SupportCaseFilter.MaxPageSize);
        var ordered = filter.View == SupportCaseView.Open
            ? query.OrderBy(j => j.Case.SubmittedAt).ThenBy(j => j.Case.Number)
            : query.OrderByDescending(j => j.Case.SubmittedAt).ThenByDescending(j => j.Case.Number);
        var cases = await ordered.Skip(Math.Max(filter.Page, 0) * size).Take(size).ToListAsync(ct);

        var playerIds = cases.Select(j => j.Player.Id).Distinct().ToList();
        var purchases = (await PurchasesOf(db, playerIds).ToListAsync(ct)).ToLookup(p => p.PlayerId, p => p.Purchase);
        var items = cases.Select(j => new SupportCaseRow(
            j.Case.Id, j.Case.Number, j.Case.Status, j.Case.Text ?? "", j.Case.SubmittedAt ?? j.Case.CreatedAt,
            j.Case.ClosedAt, j.Case.ClosedBy, j.Case.Reply, j.Player.Id, j.Player.TelegramUserId, j.Player.FirstName, j.Player.Username,
            [.. purchases[j.Player.Id]])).ToList();
        return new SupportCasePage(items, total);
    }

    /// <summary>The menu badge and the overview: cases waiting for an operator.</summary>
    public async Task<int> CountOpenAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SupportCases.CountAsync(c => c.Status == SupportCaseStatus.Open, ct);
    }

    /// <summary>
    /// Closes an open case in the name of <paramref name="closedBy"/>; a non-empty
    /// <paramref name="reply"/> (trimmed, ≤ <see cref="SupportCase.MaxReplyLength"/>) goes to the player
    /// with the notice. Closing twice changes nothing.
    /// </summary>
    public async Task<SupportCloseResult> CloseAsync(Guid caseId, string? reply, string closedBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(closedBy);
        var text = reply?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        if (text is { Length: > SupportCase.MaxReplyLength })
        {
            return new SupportCloseResult(SupportCloseOutcome.Invalid,
                $"Die Antwort an den Spieler darf höchstens {SupportCase.MaxReplyLength} Zeichen lang sein (jetzt: {text.Length}).");
        }
        var by = closedBy.Length <= MaxClosedByLength ? closedBy : closedBy[..MaxClosedByLength];

        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var supportCase = (await db.SupportCases.FromSqlInterpolated($"SELECT * FROM support_cases WHERE id = {caseId} FOR UPDATE")
            .ToListAsync(ct)).SingleOrDefault();
        if (supportCase is null or { Status: SupportCaseStatus.Draft }) return new SupportCloseResult(SupportCloseOutcome.NotFound);
        if (supportCase.Status == SupportCaseStatus.Closed) return new SupportCloseResult(SupportCloseOutcome.AlreadyClosed);

        supportCase.Status = SupportCaseStatus.Closed;
        supportCase.ClosedAt = now;
        supportCase.ClosedBy = by;
        supportCase.Reply = text;
        var telegramUserId = await db.Players.Where(p => p.Id == supportCase.PlayerId).Select(p => p.TelegramUserId).SingleAsync(ct);
        OutboxWriter.Enqueue(db, OutboxKinds.Notice, telegramUserId, new NoticePayload(EconomyNotices.SupportClosed, SubjectId: supportCase.Id), now,
            idempotencyKey: $"support-closed:{supportCase.Id:N}");
        AuditLog.Record(db, by, AuditActions.SupportClosed, $"support:{supportCase.Number}", text, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SupportCloseResult(SupportCloseOutcome.Closed);
    }

    private static IQueryable<PlayerPurchase> PurchasesOf(QuizDbContext db, List<long> playerIds) =>
        db.Purchases.AsNoTracking()
            .Where(p => playerIds.Contains(p.PlayerId))
            .OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new PlayerPurchase(p.PlayerId, new SupportPurchase(
                p.Id, p.TelegramPaymentChargeId, p.PackageId, db.Packages.Where(k => k.Id == p.PackageId).Select(k => k.Title).FirstOrDefault(),
                p.AmountStars, p.Status, p.CreatedAt)));

    private static string EscapeLike(string term) =>
        term.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    private sealed record PlayerPurchase(long PlayerId, SupportPurchase Purchase);

    /// <summary>Filters run on the entities; the row is built in memory with the purchases.</summary>
    private sealed class CaseWithPlayer
    {
        public required SupportCase Case { get; init; }
        public required Player Player { get; init; }
    }
}
