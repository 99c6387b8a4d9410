using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Data;

namespace Quiz.Core.Operations.Moderation;

/// <summary>What confirming a flag does to the player besides recording the verdict.</summary>
public enum FlagConsequence
{
    None,
    Ban,
    Hold,
}

/// <param name="TelegramUserId">Null for a deleted account.</param>
public sealed record OpenFlagRow(
    long Id,
    long PlayerId,
    long? TelegramUserId,
    string FirstName,
    string? Username,
    bool PlayerBanned,
    bool PlayerHeld,
    FlagKind Kind,
    string Subject,
    int Score,
    string Evidence,
    DateTimeOffset RaisedAt,
    DateTimeOffset UpdatedAt);

public sealed record OpenFlagPage(IReadOnlyList<OpenFlagRow> Items, int Total);

/// <param name="Moderation">The ban or hold that came with a confirmation; null when none was asked for or the verdict was not recorded.</param>
public sealed record FlagDecision(FlagResolveResult Verdict, ModerationResult? Moderation = null);

/// <summary>
/// The console's "Markiert": the open flags, highest score first (the partial index on open flags by score), and the
/// operator's verdict. Confirming may ban or hold the player in the same action: first the verdict (compare-and-set, so of
/// two operators only one decides), then the moderation with the note as its reason, each audited in its own transaction.
/// </summary>
public sealed class FlagReview(IDbContextFactory<QuizDbContext> contexts, CheatFlags flags, PlayerModeration moderation)
{
    public const int MaxPageSize = 100;

    public async Task<OpenFlagPage> OpenAsync(int page = 0, int pageSize = 50, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var open = db.CheatFlags.AsNoTracking().Where(f => f.Status == FlagStatus.Open);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var items = await open
            .OrderByDescending(f => f.Score).ThenByDescending(f => f.Id)
            .Skip(Math.Max(page, 0) * size).Take(size)
            .Join(db.Players, f => f.PlayerId, p => p.Id, (f, p) => new OpenFlagRow(
                f.Id, f.PlayerId, p.DeletedAt == null ? p.TelegramUserId : null, p.FirstName, p.Username, p.BannedAt != null, p.RankingHeldAt != null,
                f.Kind, f.Subject, f.Score, f.Evidence, f.RaisedAt, f.UpdatedAt))
            .ToListAsync(ct);
        return new OpenFlagPage(items, await open.CountAsync(ct));
    }

    /// <summary>The overview's tile and the menu: flags waiting for a review.</summary>
    public async Task<int> CountOpenAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CheatFlags.CountAsync(f => f.Status == FlagStatus.Open, ct);
    }

    /// <summary>A false positive; the note (required) says why.</summary>
    public async Task<FlagDecision> DismissAsync(long flagId, string note, string actor, CancellationToken ct = default) =>
        new(await flags.ResolveAsync(flagId, FlagStatus.Dismissed, note, actor, ct));

    /// <summary>
    /// Cheating, with the note (required) as the reason; with <paramref name="consequence"/> the player is banned or held
    /// out of rankings too. Only the operator whose verdict was recorded applies the consequence.
    /// </summary>
    public async Task<FlagDecision> ConfirmAsync(long flagId, string note, FlagConsequence consequence, string actor, CancellationToken ct = default)
    {
        var verdict = await flags.ResolveAsync(flagId, FlagStatus.Confirmed, note, actor, ct);
        if (verdict != FlagResolveResult.Done || consequence == FlagConsequence.None) return new FlagDecision(verdict);

        long playerId;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            playerId = await db.CheatFlags.Where(f => f.Id == flagId).Select(f => f.PlayerId).SingleAsync(ct);
        }
        var reason = $"Markierung {flagId} bestätigt: {note.Trim()}";
        var result = consequence == FlagConsequence.Ban
            ? await moderation.BanAsync(playerId, reason, actor, ct)
            : await moderation.HoldAsync(playerId, reason, actor, ct);
        return new FlagDecision(verdict, result);
    }
}
