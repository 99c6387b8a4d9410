using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Messaging;

/// <summary>
/// A game press's claim touches its player in the same round trip (<see cref="PressClaims"/>, issue #14): the claim behaves as
/// <see cref="UpdateClaims.ClaimAsync"/>, and the player is touched only when this replica gets the update to handle.
/// </summary>
public sealed class PressClaimsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_press_claims_its_update_and_touches_its_player_in_one_round_trip_and_a_duplicate_touches_nobody()
    {
        await using var core = database.Core(time);
        var presses = core.Get<PressClaims>();
        var who = new PlayerIdentity(710_000_001, "Greta", "greta", "de");
        using var commands = new SqlCommands();

        var (claim, player) = await commands.CountAsync(() => presses.ClaimAsync(910_001, who));

        Assert.Equal(1, commands.Counted);
        Assert.Equal(UpdateClaim.Claimed, claim);
        Assert.Equal((who.TelegramUserId, "Greta", false, true), (player!.TelegramUserId, player.FirstName, player.IsBanned, player.IsNew));

        // Held by this handling (another replica's redelivery), then handled: neither touches the player again.
        var renamed = who with { FirstName = "Gretchen" };
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal((UpdateClaim.InProgress, (PlayerSnapshot?)null), await presses.ClaimAsync(910_001, renamed));
        await core.Get<UpdateClaims>().CompleteAsync(910_001);
        Assert.Equal((UpdateClaim.AlreadyHandled, (PlayerSnapshot?)null), await presses.ClaimAsync(910_001, renamed));
        await using (var db = database.CreateContext())
        {
            var stored = await db.Players.SingleAsync(p => p.TelegramUserId == who.TelegramUserId);
            Assert.Equal(("Greta", time.GetUtcNow().AddSeconds(-5)), (stored.FirstName, stored.LastSeenAt));
        }

        // The next press is the player's again: same row, the new name, not new.
        var (next, again) = await presses.ClaimAsync(910_002, renamed);
        Assert.Equal((UpdateClaim.Claimed, player.Id, "Gretchen", false), (next, again!.Id, again.FirstName, again.IsNew));
    }

    [Fact]
    public async Task A_press_given_back_after_its_effects_committed_is_resumed_with_its_player_and_a_ban_shows()
    {
        await using var core = database.Core(time);
        var presses = core.Get<PressClaims>();
        var who = new PlayerIdentity(710_000_002, "Hanno", null, null);
        var (_, player) = await presses.ClaimAsync(910_003, who);
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE processed_updates SET committed_at = {time.GetUtcNow()} WHERE update_id = 910003");
            await db.Database.ExecuteSqlAsync($"UPDATE players SET banned_at = {time.GetUtcNow()} WHERE id = {player!.Id}");
        }
        await core.Get<UpdateClaims>().ReleaseAsync(910_003);

        var (claim, resumed) = await presses.ClaimAsync(910_003, who);

        Assert.Equal((UpdateClaim.Resume, player.Id, true, false), (claim, resumed!.Id, resumed.IsBanned, resumed.IsNew));
    }
}
