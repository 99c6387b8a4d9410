using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Operations;
using Quiz.Core.Tournaments;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Messaging;

/// <summary>
/// The outbox's priority lanes (issue #14 item 4) on PostgreSQL: replies before payment notices before bulk notices,
/// however many bulk notices wait, and each chat's messages still in the order they were written.
/// </summary>
public sealed class OutboxLaneTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    private async Task ClearAsync()
    {
        await using var db = database.CreateContext();
        await db.OutboxMessages.ExecuteDeleteAsync();
    }

    /// <summary>A tournament's start notice to <paramref name="count"/> chats from <paramref name="firstChat"/> on, as one INSERT (no lane: the column's default).</summary>
    private async Task QueueStartNoticesAsync(long firstChat, int count)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO outbox_messages (kind, chat_id, payload, state, attempts, created_at, available_at)
            SELECT 'notice', @first + g, jsonb_build_object('topic', @topic, 'subjectId', gen_random_uuid()), 'pending', 0, @now, @now
            FROM generate_series(0, @count - 1) g
            """, connection);
        insert.Parameters.AddWithValue("first", firstChat);
        insert.Parameters.AddWithValue("topic", TournamentNotices.Started);
        insert.Parameters.AddWithValue("now", time.GetUtcNow());
        insert.Parameters.AddWithValue("count", count);
        await insert.ExecuteNonQueryAsync();
    }

    private async Task<long> EnqueueAsync(string kind, long? chat, object payload)
    {
        await using var db = database.CreateContext();
        var row = OutboxWriter.Enqueue(db, kind, chat, payload, time.GetUtcNow());
        await db.SaveChangesAsync();
        return row.Id;
    }

    private Task<long> ReplyAsync(long chat) => EnqueueAsync(OutboxKinds.SendMessage, chat, new SendMessagePayload("Nächste Frage"));

    private Task<long> PaymentNoticeAsync(long chat) =>
        EnqueueAsync(OutboxKinds.Notice, chat, new NoticePayload(EconomyNotices.PurchaseCompleted, SubjectId: Guid.NewGuid()));

    [Fact]
    public async Task A_reply_queued_after_ten_thousand_bulk_notices_is_claimed_before_any_more_of_them()
    {
        await ClearAsync();
        await QueueStartNoticesAsync(1_000_000, 10_000);
        await using var core = database.Core(time);
        var store = core.Get<OutboxStore>();
        var sending = await store.ClaimAsync(64, Lease);
        Assert.All(sending, m => Assert.Equal(OutboxLane.Bulk, m.Lane));

        var reply = await ReplyAsync(42);
        var payment = await PaymentNoticeAsync(43);

        var next = await store.ClaimAsync(64, Lease);
        Assert.Equal([(reply, OutboxLane.Interactive), (payment, OutboxLane.Payment)], next.Take(2).Select(m => (m.Id, m.Lane)));
        Assert.All(next.Skip(2), m => Assert.Equal(OutboxLane.Bulk, m.Lane));
    }

    [Fact]
    public async Task Replies_go_before_payment_notices_and_payment_notices_before_bulk()
    {
        await ClearAsync();
        await QueueStartNoticesAsync(2_000_000, 3);
        var refund = await EnqueueAsync(OutboxKinds.RefundStarPayment, null, new { PurchaseId = Guid.NewGuid() });
        var payment = await PaymentNoticeAsync(2_100_000);
        var reply = await ReplyAsync(2_100_001);
        await using var core = database.Core(time);
        var store = core.Get<OutboxStore>();

        Assert.Equal([reply], (await store.ClaimAsync(1, Lease)).Select(m => m.Id));
        Assert.Equal([refund, payment], (await store.ClaimAsync(2, Lease)).Select(m => m.Id));
        var bulk = await store.ClaimAsync(10, Lease);
        Assert.Equal(3, bulk.Count);
        Assert.All(bulk, m => Assert.Equal((OutboxKinds.Notice, OutboxLane.Bulk), (m.Kind, m.Lane)));
    }

    [Fact]
    public async Task A_chat_keeps_its_order_and_a_reply_lifts_the_bulk_notice_ahead_of_it()
    {
        await ClearAsync();
        await QueueStartNoticesAsync(3_000_000, 1_000);
        const long player = 3_000_500;
        var reply = await ReplyAsync(player);
        await using var core = database.Core(time);
        var store = core.Get<OutboxStore>();

        // The player's own start notice was written first: it goes first, now in the reply's lane, ahead of the other 999.
        var head = Assert.Single(await store.ClaimAsync(1, Lease));
        Assert.Equal((player, OutboxKinds.Notice, OutboxLane.Interactive), (head.ChatId!.Value, head.Kind, head.Lane));
        Assert.DoesNotContain(await store.ClaimAsync(64, Lease), m => m.ChatId == player);

        await store.CompleteAsync(head.Id, null);
        var next = Assert.Single(await store.ClaimAsync(1, Lease));
        Assert.Equal((reply, OutboxLane.Interactive), (next.Id, next.Lane));
    }

    [Fact]
    public async Task A_payment_notice_written_before_a_reply_in_the_same_chat_goes_first()
    {
        await ClearAsync();
        const long player = 4_000_000;
        var payment = await PaymentNoticeAsync(player);
        var reply = await ReplyAsync(player);
        await using var core = database.Core(time);
        var store = core.Get<OutboxStore>();

        Assert.Equal([(payment, OutboxLane.Interactive)], (await store.ClaimAsync(10, Lease)).Select(m => (m.Id, m.Lane)));
        Assert.Empty(await store.ClaimAsync(10, Lease));
        await store.CompleteAsync(payment, null);
        Assert.Equal([reply], (await store.ClaimAsync(10, Lease)).Select(m => m.Id));
    }

    [Fact]
    public async Task The_quiet_claim_takes_only_chats_with_nothing_else_waiting_in_the_high_lanes_however_late_they_were_written()
    {
        await ClearAsync();
        // 40 flooders' 5 deferred replies each, interleaved as a flood arrives.
        for (var reply = 0; reply < 5; reply++)
        {
            for (var flooder = 0; flooder < 40; flooder++) await ReplyAsync(6_000_000 + flooder);
        }
        await using var core = database.Core(time);
        var store = core.Get<OutboxStore>();
        var inFlight = await store.ClaimAsync(32, Lease, OutboxLane.Payment);
        Assert.Equal(32, inFlight.Count);
        time.Advance(TimeSpan.FromSeconds(1));
        await QueueStartNoticesAsync(6_100_000, 1_000);
        var quiet = await ReplyAsync(6_200_000);
        var behindNotice = await ReplyAsync(6_100_007);
        var refund = await EnqueueAsync(OutboxKinds.RefundStarPayment, null, new { PurchaseId = Guid.NewGuid() });
        var bulkOnly = await ReplyAsync(6_300_000);
        await using (var db = database.CreateContext())
        {
            await db.OutboxMessages.Where(m => m.Id == bulkOnly).ExecuteUpdateAsync(s => s.SetProperty(m => m.Lane, OutboxLane.Bulk));
        }

        // The lane-order claim would give the next slots to the flooders' older rows.
        Assert.All(await store.ClaimAsync(4, TimeSpan.Zero, OutboxLane.Payment), m => Assert.InRange(m.ChatId!.Value, 6_000_000, 6_000_039));

        // The quiet claim: the chat's bulk notice ahead of its only reply (lifted), the quiet player's reply, and the
        // refund without a chat (returned by lane, then id); never a flooder's row, never a chat with bulk rows only.
        var claimed = await store.ClaimQuietAsync(8, Lease, OutboxLane.Payment);
        Assert.Equal(
            [(null, 6_100_007L, OutboxLane.Interactive), (quiet, 6_200_000L, OutboxLane.Interactive), (refund, 0L, OutboxLane.Payment)],
            claimed.Select(m => (m.Kind == OutboxKinds.Notice ? (long?)null : m.Id, m.ChatId ?? 0, m.Lane)));
        Assert.Empty(await store.ClaimQuietAsync(8, Lease, OutboxLane.Payment));
    }

    [Fact]
    public async Task The_worker_reads_the_backlog_per_lane()
    {
        await ClearAsync();
        await QueueStartNoticesAsync(5_000_000, 3);
        await PaymentNoticeAsync(5_100_000);
        await ReplyAsync(5_100_001);
        await using var core = database.Core(time);

        var reading = await core.Get<OperationalReadings>().ReadAsync();

        Assert.Equal(5, reading.OutboxPending);
        Assert.Equal(new Dictionary<OutboxLane, int> { [OutboxLane.Interactive] = 1, [OutboxLane.Payment] = 1, [OutboxLane.Bulk] = 3 }, reading.PendingByLane);
    }
}
