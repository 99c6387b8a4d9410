using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.AntiCheat;
using Quiz.Core.Audit;
using Quiz.Core.Players;
using Quiz.Core.Privacy;
using Quiz.Testing;

namespace Quiz.IntegrationTests.AntiCheat;

/// <summary>Ban / unban, hold / restore: state changes from the opposite state only, each audited with its reason.</summary>
public sealed class PlayerModerationTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero))
{
    private PlayerModeration Moderation => Core.Get<PlayerModeration>();

    private async Task<long> NewPlayerAsync() =>
        (await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(Random.Shared.NextInt64(1, 1L << 52), "Mia", null, "de"))).Id;

    private async Task<Player> RowAsync(long id)
    {
        await using var db = Database.CreateContext();
        return await db.Players.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<List<(string Action, string Actor, string? Details)>> AuditAsync(long id)
    {
        await using var db = Database.CreateContext();
        return [.. (await AuditLog.ForSubjectAsync(db, AuditLog.Player(id))).Select(e => (e.Action, e.Actor, e.Details))];
    }

    [Fact]
    public async Task Ban_and_unban_change_the_player_once_each_and_audit_actor_and_reason()
    {
        var player = await NewPlayerAsync();

        Assert.Equal(ModerationResult.Done, await Moderation.BanAsync(player, "  Skript-Antworten in 200 ms ", "Mona Moderatorin"));
        Assert.Equal(ModerationResult.AlreadyInThatState, await Moderation.BanAsync(player, "noch einmal", "Anna Admin"));
        var banned = await RowAsync(player);
        Assert.Equal((Time.GetUtcNow(), "Skript-Antworten in 200 ms"), (banned.BannedAt, banned.BanReason));
        Assert.False(RankedPlayers.IsRanked(banned));

        Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ModerationResult.Done, await Moderation.UnbanAsync(player, "Irrtum, Einspruch berechtigt", "Anna Admin"));
        Assert.Equal(ModerationResult.AlreadyInThatState, await Moderation.UnbanAsync(player, "noch einmal", "Anna Admin"));
        var unbanned = await RowAsync(player);
        Assert.Equal((null, null, null), (unbanned.BannedAt, unbanned.BanReason, unbanned.BanNoticeAt));
        Assert.True(RankedPlayers.IsRanked(unbanned));

        Assert.Equal(
            [(AuditActions.PlayerBanned, "Mona Moderatorin", "Skript-Antworten in 200 ms"), (AuditActions.PlayerUnbanned, "Anna Admin", "Irrtum, Einspruch berechtigt")],
            await AuditAsync(player));
    }

    [Fact]
    public async Task Hold_and_restore_keep_the_player_out_of_rankings_in_between_without_banning()
    {
        var player = await NewPlayerAsync();

        Assert.Equal(ModerationResult.Done, await Moderation.HoldAsync(player, "Score 92, wird geprüft", "anticheat"));
        Assert.Equal(ModerationResult.AlreadyInThatState, await Moderation.HoldAsync(player, "Score 95", "anticheat"));
        var held = await RowAsync(player);
        Assert.Equal((Time.GetUtcNow(), "Score 92, wird geprüft", null), (held.RankingHeldAt, held.RankingHoldReason, held.BannedAt));
        Assert.False(RankedPlayers.IsRanked(held));

        Assert.Equal(ModerationResult.Done, await Moderation.RestoreAsync(player, "Geprüft: menschlich", "Mona Moderatorin"));
        Assert.Equal(ModerationResult.AlreadyInThatState, await Moderation.RestoreAsync(player, "noch einmal", "Mona Moderatorin"));
        var restored = await RowAsync(player);
        Assert.Equal((null, null), (restored.RankingHeldAt, restored.RankingHoldReason));

        Assert.Equal(
            [(AuditActions.PlayerRankingHeld, "anticheat", "Score 92, wird geprüft"), (AuditActions.PlayerRankingRestored, "Mona Moderatorin", "Geprüft: menschlich")],
            await AuditAsync(player));
    }

    [Fact]
    public async Task Without_a_reason_nothing_changes_and_nothing_is_audited()
    {
        var player = await NewPlayerAsync();

        Assert.Equal(ModerationResult.ReasonRequired, await Moderation.BanAsync(player, "   ", "Anna Admin"));
        Assert.Equal(ModerationResult.ReasonRequired, await Moderation.HoldAsync(player, "", "Anna Admin"));

        Assert.True(RankedPlayers.IsRanked(await RowAsync(player)));
        Assert.Empty(await AuditAsync(player));
    }

    [Fact]
    public async Task An_unknown_or_deleted_player_is_not_found()
    {
        var player = await NewPlayerAsync();
        var deletion = Core.Get<PlayerDeletion>();
        await deletion.ConfirmAsync(player, (await deletion.RequestAsync(player))!);

        Assert.Equal(ModerationResult.NotFound, await Moderation.BanAsync(player, "Betrug", "Anna Admin"));
        Assert.Equal(ModerationResult.NotFound, await Moderation.HoldAsync(player, "Betrug", "Anna Admin"));
        Assert.Equal(ModerationResult.NotFound, await Moderation.BanAsync(long.MaxValue, "Betrug", "Anna Admin"));
        Assert.Null((await RowAsync(player)).BannedAt);
        Assert.DoesNotContain(await AuditAsync(player), a => a.Action == AuditActions.PlayerBanned);
    }

    [Fact]
    public async Task Racing_moderators_ban_once_with_one_audit_entry()
    {
        var player = await NewPlayerAsync();
        using var start = new Barrier(6);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
        {
            start.SignalAndWait();
            return Moderation.BanAsync(player, $"Grund {i}", $"Moderator {i}");
        })));

        Assert.Single(results, r => r == ModerationResult.Done);
        Assert.Equal(5, results.Count(r => r == ModerationResult.AlreadyInThatState));
        Assert.Single(await AuditAsync(player));
    }

    [Fact]
    public async Task The_database_refuses_a_hold_reason_without_a_hold()
    {
        var player = await NewPlayerAsync();
        await using var db = Database.CreateContext();

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Players.Where(p => p.Id == player).ExecuteUpdateAsync(s => s.SetProperty(p => p.RankingHoldReason, "ohne Sperre")));

        Assert.Equal("ck_players_ranking_hold_reason", error.ConstraintName);
    }
}
