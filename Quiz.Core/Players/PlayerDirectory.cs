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
    /// <summary>The upsert's target columns; the values are ($1 Telegram id, $2 first name, $3 username, $4 language, $5 now).</summary>
    internal const string TouchInsert = "INSERT INTO players (telegram_user_id, first_name, username, language_code, created_at, last_seen_at)";

    /// <summary>
    /// Upsert in one statement, so two first updates of a new player on two replicas create one row.
    /// Writing to a player also means they talk to the bot again, so a block mark is cleared. Returns what
    /// <see cref="ReadSnapshot"/> reads (shared with the game press's claim, Game.PressClaims).
    /// </summary>
    internal const string TouchConflict = """
        ON CONFLICT (telegram_user_id) DO UPDATE SET
            first_name = EXCLUDED.first_name, username = EXCLUDED.username,
            language_code = EXCLUDED.language_code, last_seen_at = EXCLUDED.last_seen_at, blocked_bot_at = NULL
        RETURNING id, banned_at IS NOT NULL AS banned, (xmax = 0) AS created
        """;

    private const string TouchSql = $"{TouchInsert} VALUES ($1, $2, $3, $4, $5, $5) {TouchConflict}";

    public async Task<PlayerSnapshot> TouchAsync(PlayerIdentity who, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Plain ADO.NET: EF's SqlQuery would map an ad-hoc result type again for every context.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(TouchSql, connection);
        AddTouchValues(command, who, time.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return ReadSnapshot(reader, 0, who);
    }

    /// <summary>The upsert's five values (names clipped to their columns), appended to the command's parameters.</summary>
    internal static void AddTouchValues(NpgsqlCommand command, PlayerIdentity who, DateTimeOffset now)
    {
        command.Parameters.AddWithValue(who.TelegramUserId);
        command.Parameters.AddWithValue(Clip(who.FirstName, 64) ?? "");
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)Clip(who.Username, 64) ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)Clip(who.LanguageCode, 16) ?? DBNull.Value);
        command.Parameters.AddWithValue(now);
    }

    /// <summary>The upsert's returned row (<see cref="TouchConflict"/>) from column <paramref name="first"/> on.</summary>
    internal static PlayerSnapshot ReadSnapshot(NpgsqlDataReader reader, int first, PlayerIdentity who) =>
        new(reader.GetInt64(first), who.TelegramUserId, Clip(who.FirstName, 64) ?? "", IsBanned: reader.GetBoolean(first + 1), IsNew: reader.GetBoolean(first + 2));

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
