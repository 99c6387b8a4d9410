using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Players;

public sealed class PlayerDirectoryTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TouchAsync_first_contact_on_two_replicas_creates_one_player()
    {
        await using var core = database.Core(time);
        var directory = core.Get<PlayerDirectory>();
        using var start = new Barrier(6);

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return directory.TouchAsync(new PlayerIdentity(777_001, "Jörg", "joerg", "de"));
        })));

        Assert.Single(snapshots.Select(s => s.Id).Distinct());
        Assert.Equal(1, snapshots.Count(s => s.IsNew));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Players.CountAsync(p => p.TelegramUserId == 777_001));
    }

    [Fact]
    public async Task TouchAsync_updates_the_name_and_clears_a_block()
    {
        await using var core = database.Core(time);
        var directory = core.Get<PlayerDirectory>();
        await directory.TouchAsync(new PlayerIdentity(777_002, "Anna", null, "de"));
        await directory.SetBlockedAsync(777_002, blocked: true);
        Assert.True(await directory.HasBlockedBotAsync(777_002));

        time.Advance(TimeSpan.FromMinutes(5));
        var again = await directory.TouchAsync(new PlayerIdentity(777_002, "Anna-Lena", "al", "de"));

        Assert.False(again.IsNew);
        Assert.False(await directory.HasBlockedBotAsync(777_002));
        await using var db = database.CreateContext();
        var player = await db.Players.SingleAsync(p => p.TelegramUserId == 777_002);
        Assert.Equal(("Anna-Lena", time.GetUtcNow()), (player.FirstName, player.LastSeenAt));
    }
}
