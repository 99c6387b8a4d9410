using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quiz.Core.AntiCheat;
using Quiz.Core.Data;
using Quiz.Core.Players;

namespace Quiz.Core.Operations.Moderation;

/// <summary>
/// The console's read model of players ("Spieler"): the search, and one player's page
/// (<see cref="GetAsync"/>, in <c>PlayerReview.Dossier.cs</c>). Reads only; bans and holds go through
/// AntiCheat's moderation. One context per call (Blazor components hold this for a whole circuit).
/// </summary>
public sealed partial class PlayerReview(IDbContextFactory<QuizDbContext> contexts, IOptionsMonitor<AntiCheatOptions> antiCheat)
{
    /// <summary>A broad search ("a") is counted only this far; the page says "more than".</summary>
    public const int MaxCounted = 1000;

    /// <summary>Below this length a name is matched from its start: trigrams cannot find one or two letters inside a word.</summary>
    public const int MinContainsLength = 3;

    /// <summary>
    /// A number is a Telegram id or the console's player number (exact, by their unique indexes); anything
    /// else a part of the first name or username, case-insensitive, through trigram indexes (so a part in the
    /// middle is found too; one or two letters only at the start). Newest players first (the primary key's order,
    /// so a broad search stops after one page; last-seen is not indexed, as every update of a player writes it).
    /// </summary>
    public async Task<PlayerSearchResult> SearchAsync(PlayerFilter filter, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Matching(db.Players.AsNoTracking(), filter.Search);
        var counted = await query.Take(MaxCounted + 1).CountAsync(ct);
        var size = Math.Clamp(filter.PageSize, 1, PlayerFilter.MaxPageSize);
        var items = await query
            .OrderByDescending(p => p.Id)
            .Skip(Math.Max(filter.Page, 0) * size).Take(size)
            .Select(p => new PlayerRow(
                p.Id, p.DeletedAt == null ? p.TelegramUserId : null, p.FirstName, p.Username, p.CreatedAt, p.LastSeenAt,
                p.BannedAt != null, p.RankingHeldAt != null, p.DeletedAt != null,
                db.CheatFlags.Count(f => f.PlayerId == p.Id && f.Status == FlagStatus.Open)))
            .ToListAsync(ct);
        return new PlayerSearchResult(items, Math.Min(counted, MaxCounted), counted > MaxCounted);
    }

    internal static IQueryable<Player> Matching(IQueryable<Player> players, string? search)
    {
        if (search?.Trim() is not { Length: > 0 } term) return players;
        var handle = term.TrimStart('@', '#');
        if (long.TryParse(handle, out var number))
        {
            return players.Where(p => p.TelegramUserId == number || p.Id == number);
        }
        var pattern = handle.Length < MinContainsLength ? $"{EscapeLike(handle)}%" : $"%{EscapeLike(handle)}%";
        return players.Where(p => EF.Functions.ILike(p.FirstName, pattern, @"\")
            || (p.Username != null && EF.Functions.ILike(p.Username, pattern, @"\")));
    }

    private static string EscapeLike(string term) =>
        term.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
