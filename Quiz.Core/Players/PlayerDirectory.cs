using Microsoft.EntityFrameworkCore;
using Npgsql;
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
    private const string TouchSql = """
        INSERT INTO players (telegram_user_id, first_name, username, language_code, created_at, last_seen_at)
        VALUES ($1, $2, $3, $4, $5, $5)
        ON CONFLICT (telegram_user_id) DO UPDATE SET
            first_name = EXCLUDED.first_name, username = EXCLUDED.username,
            language_code = EXCLUDED.language_code, last_seen_at = EXCLUDED.last_seen_at, blocked_bot_at = NULL
        RETURNING id, banned_at IS NOT NULL, (xmax = 0)
        """;

    public async Task<PlayerSnapshot> TouchAsync(PlayerIdentity who, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var firstName = Clip(who.FirstName, 64) ?? "";
        var username = Clip(who.Username, 64);
        var language = Clip(who.LanguageCode, 16);
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Plain ADO.NET: EF's SqlQuery would map an ad-hoc result type again for every context.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(TouchSql, connection);
        command.Parameters.AddWithValue(who.TelegramUserId);
        command.Parameters.AddWithValue(firstName);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)username ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)language ?? DBNull.Value);
        command.Parameters.AddWithValue(now);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new PlayerSnapshot(reader.GetInt64(0), who.TelegramUserId, firstName, IsBanned: reader.GetBoolean(1), IsNew: reader.GetBoolean(2));
    }

    /// <summary>Telegram says the player blocked (or unblocked) the bot.</summary>
    public async Task SetBlockedAsync(long telegramUserId, bool blocked, CancellationToken ct = default)
    {
        DateTimeOffset? at = blocked ? time.GetUtcNow() : null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Players.Where(p => p.TelegramUserId == telegramUserId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.BlockedBotAt, at), ct);
    }

    /// <summary>A banned player hears about the ban at most once within this time, then nothing.</summary>
    public static readonly TimeSpan BanNoticeInterval = TimeSpan.FromDays(1);

    /// <summary>
    /// True for exactly one caller per <see cref="BanNoticeInterval"/> while the player is banned: a
    /// compare-and-set on <c>ban_notice_at</c>, so parallel updates on any replica send one notice.
    /// </summary>
    public async Task<bool> ClaimBanNoticeAsync(long playerId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var due = now - BanNoticeInterval;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Players
            .Where(p => p.Id == playerId && p.BannedAt != null && (p.BanNoticeAt == null || p.BanNoticeAt <= due))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.BanNoticeAt, now), ct) == 1;
    }

    /// <summary>Whether the player in this chat is banned now (notices about games and tournaments are not sent then).</summary>
    public async Task<bool> IsBannedChatAsync(long telegramUserId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Players.AnyAsync(p => p.TelegramUserId == telegramUserId && p.BannedAt != null, ct);
    }

    public async Task<bool> HasBlockedBotAsync(long telegramUserId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Players.AnyAsync(p => p.TelegramUserId == telegramUserId && p.BlockedBotAt != null, ct);
    }

    /// <summary>Shortens without splitting a surrogate pair (an emoji cut in half is invalid UTF-8).</summary>
    private static string? Clip(string? s, int max) =>
        s is null || s.Length <= max ? s : s[..(char.IsHighSurrogate(s[max - 1]) ? max - 1 : max)];
}
