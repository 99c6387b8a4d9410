using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Privacy;

/// <summary>
/// <c>/meinedaten</c>: everything stored about one player as a JSON document (Art. 15/20 GDPR):
/// profile, games, purchases, ledger, balances, support cases. Only the player's own rows — no
/// opponent's or other player's name. Bounded: the newest <see cref="MaxGames"/> games and
/// <see cref="MaxLedgerEntries"/> ledger entries (with the totals), read as a stream, so a player
/// with thousands of games gets a document of well under a megabyte.
/// </summary>
public sealed class PlayerDataExport(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public const int MaxGames = 1000;
    public const int MaxLedgerEntries = 2000;
    public const int MaxPurchases = 1000;
    public const string FileName = "meinedaten.json";

    /// <summary>Writes the document to <paramref name="output"/>; false (nothing written) if there is no such live player.</summary>
    public async Task<bool> WriteAsync(long playerId, Stream output, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var player = await db.Players.AsNoTracking().SingleOrDefaultAsync(p => p.Id == playerId && p.DeletedAt == null, ct);
        if (player is null) return false;

        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("exported_at", time.GetUtcNow());
        json.WriteStartObject("profile");
        json.WriteNumber("player_id", player.Id);
        json.WriteNumber("telegram_user_id", player.TelegramUserId);
        json.WriteString("first_name", player.FirstName);
        json.WriteString("username", player.Username);
        json.WriteString("language_code", player.LanguageCode);
        json.WriteString("created_at", player.CreatedAt);
        json.WriteString("last_seen_at", player.LastSeenAt);
        WriteOptional(json, "blocked_bot_at", player.BlockedBotAt);
        WriteOptional(json, "banned_at", player.BannedAt);
        WriteOptional(json, "ranking_held_at", player.RankingHeldAt);
        json.WriteEndObject();

        var games = db.GameSessions.AsNoTracking().Where(s => s.PlayerId == playerId);
        json.WriteNumber("games_total", await games.CountAsync(ct));
        json.WriteStartArray("games");
        await foreach (var g in games.OrderByDescending(s => s.StartedAt).Take(MaxGames)
            .Select(s => new { s.Id, s.Mode, s.State, s.CategoryId, s.Score, s.CorrectCount, s.BestStreak, s.StartedAt, s.FinishedAt,
                Answers = db.AnswerEvents.Count(a => a.SessionId == s.Id) })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("id", g.Id);
            json.WriteString("mode", EnumColumns.ToColumn(g.Mode));
            json.WriteString("state", EnumColumns.ToColumn(g.State));
            json.WriteString("category", g.CategoryId);
            json.WriteNumber("points", g.Score);
            json.WriteNumber("correct_answers", g.CorrectCount);
            json.WriteNumber("answers", g.Answers);
            json.WriteNumber("best_streak", g.BestStreak);
            json.WriteString("started_at", g.StartedAt);
            WriteOptional(json, "finished_at", g.FinishedAt);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("purchases");
        await foreach (var p in db.Purchases.AsNoTracking().Where(p => p.PlayerId == playerId).OrderByDescending(p => p.CreatedAt).Take(MaxPurchases)
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("id", p.Id);
            json.WriteString("package", p.PackageId);
            json.WriteNumber("amount", p.AmountStars);
            json.WriteString("currency", p.Currency);
            json.WriteString("telegram_payment_charge_id", p.TelegramPaymentChargeId);
            json.WriteString("status", EnumColumns.ToColumn(p.Status));
            json.WriteBoolean("subscription", p.IsRecurring);
            WriteOptional(json, "subscription_expires_at", p.SubscriptionExpiresAt);
            WriteOptional(json, "subscription_canceled_at", p.SubscriptionCanceledAt);
            json.WriteString("created_at", p.CreatedAt);
            WriteOptional(json, "refunded_at", p.RefundedAt);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        var ledger = db.LedgerEntries.AsNoTracking().Where(l => l.PlayerId == playerId);
        json.WriteNumber("ledger_total", await ledger.CountAsync(ct));
        json.WriteStartArray("ledger");
        await foreach (var l in ledger.OrderByDescending(l => l.Id).Take(MaxLedgerEntries).AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("asset", EnumColumns.ToColumn(l.Kind));
            json.WriteNumber("delta", l.Delta);
            json.WriteString("reason", EnumColumns.ToColumn(l.Reason));
            if (l.PurchaseId is { } purchase) json.WriteString("purchase_id", purchase);
            if (l.SessionId is { } session) json.WriteString("game_id", session);
            json.WriteString("at", l.CreatedAt);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("balances");
        foreach (var e in await db.Entitlements.AsNoTracking().Where(e => e.PlayerId == playerId).ToListAsync(ct))
        {
            json.WriteStartObject();
            json.WriteString("asset", EnumColumns.ToColumn(e.Kind));
            json.WriteNumber("uses", e.Uses);
            WriteOptional(json, "valid_until", e.ValidUntil);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("support_cases");
        foreach (var c in await db.SupportCases.AsNoTracking().Where(c => c.PlayerId == playerId).OrderBy(c => c.Number).ToListAsync(ct))
        {
            json.WriteStartObject();
            json.WriteNumber("number", c.Number);
            json.WriteString("status", EnumColumns.ToColumn(c.Status));
            json.WriteString("text", c.Text);
            json.WriteString("reply", c.Reply);
            json.WriteString("created_at", c.CreatedAt);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        return true;
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } v) json.WriteString(name, v);
        else json.WriteNull(name);
    }
}
