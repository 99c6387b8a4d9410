using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Announcements;
using Quiz.Core.Audit;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.IntegrationTests.Tournaments;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Announcements;

/// <summary>
/// Announcements on real PostgreSQL: the audience (active in N days; blocked, banned and deleted players skipped), the
/// fan-out into the outbox exactly once per player with workers racing and a worker killed inside a batch, and a
/// cancel that stops every row still waiting.
/// </summary>
public sealed class AnnouncementFanOutTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero))
{
    private const string Admin = "admin@example.org";

    private AnnouncementAdministration Administration => Core.Get<AnnouncementAdministration>();

    private AnnouncementFanOut FanOut => Core.Get<AnnouncementFanOut>();

    [Fact]
    public async Task The_count_reaches_players_seen_within_the_days_and_skips_blocked_banned_and_deleted_players()
    {
        var allBefore = await Administration.CountAsync(null);
        var weekBefore = await Administration.CountAsync(7);
        var now = Time.GetUtcNow();
        await SeedAsync(
            Player(now.AddDays(-1)), Player(now.AddDays(-6)), Player(now.AddDays(-30)),
            Player(now, p => p.BlockedBotAt = now), Player(now, p => p.BannedAt = now),
            Player(now, p => (p.DeletedAt, p.TelegramUserId, p.FirstName) = (now, -Random.Shared.NextInt64(1, long.MaxValue), "")));

        Assert.Equal(allBefore + 3, await Administration.CountAsync(null));
        Assert.Equal(weekBefore + 2, await Administration.CountAsync(7));
    }

    [Fact]
    public async Task Four_workers_racing_write_one_outbox_row_per_player_in_the_bulk_lane()
    {
        await SeedAsync([.. Enumerable.Range(0, 40).Select(_ => Player(Time.GetUtcNow()))]);
        var id = await SentAsync(activeWithinDays: null);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => FanOut.RunAsync(batchSize: 3))));

        await AssertFannedOutOnceAsync(id);
    }

    [Fact]
    public async Task A_worker_killed_inside_a_batch_loses_only_that_batch_and_the_next_run_writes_the_rest_once()
    {
        await SeedAsync([.. Enumerable.Range(0, 12).Select(_ => Player(Time.GetUtcNow()))]);
        var id = await SentAsync(activeWithinDays: null);
        Assert.Equal(5, await FanOut.BatchAsync(id, 5));
        // Another transaction writes the row of the next batch's third player first: the batch's insert waits for its key.
        var through = (await LoadAsync(id)).FannedOutThrough;
        var held = (await AudienceAsync()).Where(p => p > through).ElementAt(2);
        await using var blocker = new NpgsqlConnection(Database.ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO outbox_messages (kind, lane, chat_id, payload, state, attempts, idempotency_key, created_at, available_at) VALUES ('announcement', 3, 1, '{{}}', 'pending', 0, 'announcement:{id:N}:{held}', now(), now())",
            blocker, hold))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var worker = Task.Run(() => FanOut.BatchAsync(id, 5));
        await using var observer = new NpgsqlConnection(Database.ConnectionString);
        await observer.OpenAsync();
        var pid = await LockWaits.WaitingBackendAsync(observer, "%INSERT INTO outbox_messages%", worker);
        await using (var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pid})", observer)) await kill.ExecuteScalarAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => worker);
        await hold.RollbackAsync();

        var half = await LoadAsync(id);
        Assert.Equal((5, (DateTimeOffset?)null), (half.Queued, half.FannedOutAt));
        await FanOut.RunAsync(batchSize: 5);
        await AssertFannedOutOnceAsync(id);
    }

    [Fact]
    public async Task A_cancel_stops_every_waiting_row_and_the_fan_out_and_is_audited_with_the_final_counts()
    {
        await SeedAsync([.. Enumerable.Range(0, 10).Select(_ => Player(Time.GetUtcNow()))]);
        var id = await SentAsync(activeWithinDays: 30);
        Assert.Equal(4, await FanOut.BatchAsync(id, 4));

        Assert.Equal(AnnouncementOutcome.Changed, await Administration.CancelAsync(id, "chefin@example.org"));
        Assert.Null(await FanOut.BatchAsync(id, 4));
        Assert.Equal(0, await FanOut.RunAsync());
        Assert.Null(await FanOut.TextForSendingAsync(id));
        Assert.Equal(AnnouncementOutcome.NoChange, await Administration.CancelAsync(id, Admin));

        await using var db = Database.CreateContext();
        var rows = await RowsAsync(db, id);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal((OutboxState.Dead, "announcement canceled"), (r.State, r.LastError)));
        Assert.True(await FanOut.FinishAsync() >= 1);
        var listed = (await Administration.ListAsync()).Single(a => a.Id == id);
        Assert.Equal((AnnouncementState.Canceled, "chefin@example.org", new AnnouncementProgress(0, 0, 0, 4)), (listed.State, listed.CanceledBy, listed.Progress));
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.Announcement(id));
        Assert.Equal(
            [(Admin, AuditActions.AnnouncementCreated), (Admin, AuditActions.AnnouncementSent), ("chefin@example.org", AuditActions.AnnouncementCanceled)],
            audit.Select(e => (e.Actor, e.Action)));
    }

    [Fact]
    public async Task An_announcement_whose_rows_are_all_done_is_finished_with_its_counts()
    {
        // Ten days on, only the three players seen today are active within a day.
        Time.Advance(TimeSpan.FromDays(10));
        await SeedAsync([.. Enumerable.Range(0, 3).Select(_ => Player(Time.GetUtcNow()))]);
        var id = await SentAsync(activeWithinDays: 1);
        await FanOut.RunAsync();
        Assert.Equal(0, await FanOut.FinishAsync());
        await using (var db = Database.CreateContext())
        {
            var rows = await RowsAsync(db, id);
            var store = Core.Get<OutboxStore>();
            await store.CompleteAsync(rows[0].Id, "{\"message_id\":1}");
            await store.DeadLetterBlockedAsync(rows[1].Id, "Forbidden: bot was blocked by the user");
            await store.DeadLetterAsync(rows[2].Id, "Bad Request: chat not found");
        }
        var live = (await Administration.ListAsync()).Single(a => a.Id == id).Progress;

        Assert.Equal(new AnnouncementProgress(0, 1, 1, 1), live);
        Assert.True(await FanOut.FinishAsync() >= 1);
        var done = await LoadAsync(id);
        Assert.Equal((AnnouncementState.Sent, 1, 1, 1), (done.State, done.SentCount, done.FailedCount, done.SkippedCount));
    }

    private static Player Player(DateTimeOffset seen, Action<Player>? change = null)
    {
        var p = TestData.Player(seen);
        change?.Invoke(p);
        return p;
    }

    private async Task<List<long>> SeedAsync(params Player[] players)
    {
        await using var db = Database.CreateContext();
        db.Players.AddRange(players);
        await db.SaveChangesAsync();
        return [.. players.Select(p => p.Id)];
    }

    private async Task<Guid> SentAsync(int? activeWithinDays)
    {
        var draft = await Administration.CreateAsync("📣 <b>Neu:</b> das Wochenturnier!", activeWithinDays, Admin);
        Assert.Equal(AnnouncementOutcome.Changed, await Administration.SendAsync(draft.Id!.Value, Admin));
        return draft.Id.Value;
    }

    private async Task<long[]> AudienceAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Players.Where(p => p.DeletedAt == null && p.BlockedBotAt == null && p.BannedAt == null).OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync();
    }

    private async Task<Announcement> LoadAsync(Guid id)
    {
        await using var db = Database.CreateContext();
        return await db.Announcements.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    private static Task<List<OutboxMessage>> RowsAsync(Quiz.Core.Data.QuizDbContext db, Guid id) =>
        db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKinds.Announcement && m.IdempotencyKey!.StartsWith($"announcement:{id:N}:"))
            .OrderBy(m => m.Id).ToListAsync();

    /// <summary>Every player of the audience has exactly one row, in the bulk lane, carrying the announcement.</summary>
    private async Task AssertFannedOutOnceAsync(Guid id)
    {
        var a = await LoadAsync(id);
        var audience = await AudienceAsync();
        await using var db = Database.CreateContext();
        var rows = await RowsAsync(db, id);
        var expected = audience.Select(p => $"announcement:{id:N}:{p}").ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Select(r => r.IdempotencyKey!).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal((OutboxLane.Bulk, id), (r.Lane, OutboxWriter.ReadPayload<AnnouncementPayload>(r.Payload).AnnouncementId)));
        Assert.Equal((a.Recipients, rows.Count), (expected.Count, a.Queued));
        Assert.NotNull(a.FannedOutAt);
    }
}
