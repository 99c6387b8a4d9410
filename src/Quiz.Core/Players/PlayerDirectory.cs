using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Players;

/// <summary>Who sent an update, as the bot layer reports it (no Telegram types in Core).</summary>
public sealed record PlayerIdentity(long TelegramUserId, string FirstName, string? Username, string? LanguageCode);

public sealed record PlayerSnapshot(long Id, long TelegramUserId, string FirstName, bool IsBanned, bool IsNew);

/// <summary>Registers players on first contact and keeps their name and last-seen time current.</summary>
public sealed class PlayerDirectory(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// Upsert in one statement, so two first updates of a new player on two replicas create one row.
    /// Writing to a player also means they talk to the bot again, so a block mark is cleared.
    /// </summary>
    public async Task<PlayerSnapshot> TouchAsync(PlayerIdentity who, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var firstName = Clip(who.FirstName, 64) ?? "";
        var username = Clip(who.Username, 64);
        var language = Clip(who.LanguageCode, 16);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Database.SqlQuery<TouchRow>($"""
            INSERT INTO players (telegram_user_id, first_name, username, language_code, created_at, last_seen_at)
            VALUES ({who.TelegramUserId}, {firstName}, {username}, {language}, {now}, {now})
            ON CONFLICT (telegram_user_id) DO UPDATE SET
                first_name = EXCLUDED.first_name, username = EXCLUDED.username,
                language_code = EXCLUDED.language_code, last_seen_at = EXCLUDED.last_seen_at, blocked_bot_at = NULL
            RETURNING id, banned_at IS NOT NULL AS is_banned, (xmax = 0) AS is_new
            """).ToListAsync(ct);
        var row = rows.Single();
        return new PlayerSnapshot(row.Id, who.TelegramUserId, firstName, row.IsBanned, row.IsNew);
    }

    /// <summary>Telegram says the player blocked (or unblocked) the bot.</summary>
    public async Task SetBlockedAsync(long telegramUserId, bool blocked, CancellationToken ct = default)
    {
        DateTimeOffset? at = blocked ? time.GetUtcNow() : null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Players.Where(p => p.TelegramUserId == telegramUserId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.BlockedBotAt, at), ct);
    }

    public async Task<bool> HasBlockedBotAsync(long telegramUserId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Players.AnyAsync(p => p.TelegramUserId == telegramUserId && p.BlockedBotAt != null, ct);
    }

    private static string? Clip(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];

    private sealed record TouchRow(long Id, bool IsBanned, bool IsNew);
}
