using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Messaging;

public sealed class OutboxStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    private async Task<List<long>> EnqueueAsync(params long[] chats)
    {
        await using var db = database.CreateContext();
        var rows = chats.Select((chat, i) => OutboxWriter.EnqueueMessage(db, chat, new SendMessagePayload($"Nachricht {i}"), time.GetUtcNow())).ToList();
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    private async Task ClearAsync()
    {
        await using var db = database.CreateContext();
        await db.OutboxMessages.ExecuteDeleteAsync();
    }

    [Fact]
    public async Task ClaimAsync_hands_out_only_the_oldest_pending_message_of_each_chat()
    {
        await ClearAsync();
        var ids = await EnqueueAsync(501, 501, 502, 501);
        await using var core = database.Core(time);
        var store = core.Get<OutboxStore>();

        var first = await store.ClaimAsync(10, Lease);
        Assert.Equal([ids[0], ids[2]], first.Select(m => m.Id));
        Assert.Empty(await store.ClaimAsync(10, Lease)); // heads are leased, later rows wait

        await store.CompleteAsync(ids[0], "{\"message_id\":1}");
        var second = await store.ClaimAsync(10, Lease);
        Assert.Equal([ids[1]], second.Select(m => m.Id));
    }

    [Fact]
    public async Task ClaimAsync_reclaims_a_message_whose_lease_expired()
    {
        await ClearAsync();
        var ids = await EnqueueAsync(601);
        await using var core = database.Core(time);
        var store = core.Get<OutboxStore>();
        Assert.Single(await store.ClaimAsync(10, Lease));

        time.Advance(Lease + TimeSpan.FromSeconds(1));

        Assert.Equal([ids[0]], (await store.ClaimAsync(10, Lease)).Select(m => m.Id));
    }

    [Fact]
    public async Task RetryLaterAsync_holds_the_chat_back_and_counts_only_errors()
    {
        await ClearAsync();
        var ids = await EnqueueAsync(701, 701);
        await using var core = database.Core(time);
        var store = core.Get<OutboxStore>();
        await store.ClaimAsync(10, Lease);

        await store.RetryLaterAsync(ids[0], TimeSpan.FromSeconds(3), "429 retry after 3", countAttempt: false);
        Assert.Empty(await store.ClaimAsync(10, Lease));

        time.Advance(TimeSpan.FromSeconds(3));
        var again = Assert.Single(await store.ClaimAsync(10, Lease));
        Assert.Equal((ids[0], 0), (again.Id, again.Attempts));
    }

    [Fact]
    public async Task DeadLetterChatAsync_stops_everything_pending_for_a_blocked_player()
    {
        await ClearAsync();
        await EnqueueAsync(801, 801, 802);
        await using var core = database.Core(time);
        var store = core.Get<OutboxStore>();

        Assert.Equal(2, await store.DeadLetterChatAsync(801, "blocked"));

        var claimed = await store.ClaimAsync(10, Lease);
        Assert.Equal([802L], claimed.Select(m => m.ChatId!.Value));
    }

    [Fact]
    public async Task Concurrent_dispatchers_send_every_message_once_and_in_chat_order()
    {
        await ClearAsync();
        var chats = Enumerable.Range(0, 200).Select(i => 10_000L + i % 40).ToArray();
        var ids = await EnqueueAsync(chats);
        var sent = new ConcurrentQueue<(long Chat, long Id)>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var replica = database.Core();
            var store = replica.Get<OutboxStore>();
            var idle = 0;
            while (idle < 5)
            {
                var batch = await store.ClaimAsync(16, Lease);
                idle = batch.Count == 0 ? idle + 1 : 0;
                foreach (var message in batch)
                {
                    sent.Enqueue((message.ChatId!.Value, message.Id));
                    await store.CompleteAsync(message.Id, null);
                }
                if (batch.Count == 0) await Task.Delay(20);
            }
        })));

        Assert.Equal(ids.Order(), sent.Select(s => s.Id).Order());
        foreach (var chat in sent.GroupBy(s => s.Chat))
        {
            Assert.Equal(chat.Select(s => s.Id).Order(), chat.Select(s => s.Id));
        }
    }
}
