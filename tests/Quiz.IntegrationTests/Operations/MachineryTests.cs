using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Quiz.Core.Audit;
using Quiz.Core.Messaging;
using Quiz.Core.Operations.Machinery;
using Quiz.Testing;
using Xunit.Abstractions;

namespace Quiz.IntegrationTests.Operations;

/// <summary>The Betrieb page's reads and its one write: the outbox backlog, dead letters sent again exactly once, the jobs.</summary>
public sealed class MachineryTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Backlog_groups_100000_pending_rows_by_lane_and_kind_with_the_oldest_age()
    {
        await ExecuteAsync("""
            DELETE FROM outbox_messages;
            INSERT INTO outbox_messages (kind, lane, chat_id, payload, state, attempts, created_at, available_at)
            SELECT CASE WHEN g % 10 = 0 THEN 'send_message' ELSE 'notice' END, CASE WHEN g % 10 = 0 THEN 1 ELSE 3 END, g % 40000,
                   '{}'::jsonb, 'pending', 0, @now - make_interval(secs => g), @now
            FROM generate_series(1, 100000) g;
            INSERT INTO outbox_messages (kind, lane, chat_id, payload, state, attempts, created_at, available_at, processed_at)
            SELECT 'notice', 3, g, '{}'::jsonb, 'sent', 1, @now, @now, @now FROM generate_series(1, 50000) g;
            ANALYZE outbox_messages;
            """);
        await using var core = database.Core(new FakeTimeProvider(Now));
        var outbox = core.Get<OutboxBacklog>();

        await outbox.BacklogAsync();
        var watch = Stopwatch.StartNew();
        var backlog = await outbox.BacklogAsync();
        var backlogMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var chats = await outbox.WaitingChatsAsync();
        output.WriteLine($"backlog {backlogMs:F1} ms, waiting chats {watch.Elapsed.TotalMilliseconds:F1} ms (100,000 pending, 50,000 sent)");

        Assert.Equal(
            [new OutboxBacklogRow(OutboxKinds.SendMessage, OutboxLane.Interactive, 10_000, Now.AddSeconds(-100_000)),
             new OutboxBacklogRow(OutboxKinds.Notice, OutboxLane.Bulk, 90_000, Now.AddSeconds(-99_999))],
            backlog);
        Assert.Equal(40_000, chats);
    }

    [Fact]
    public async Task A_dead_letter_is_requeued_exactly_once_however_many_operators_click_at_the_same_time()
    {
        var dead = await DeadLetterAsync(OutboxKinds.SendMessage, chatId: 4711, error: "Bad Request: chat not found");
        await using var core = database.Core(new FakeTimeProvider(Now));
        var requeue = core.Get<DeadLetterRequeue>();

        using var start = new SemaphoreSlim(0);
        var clicks = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await requeue.RequeueAsync(dead, $"admin{i}");
        })).ToList();
        start.Release(clicks.Count);
        var outcomes = await Task.WhenAll(clicks);

        Assert.Single(outcomes, o => o == RequeueOutcome.Requeued);
        Assert.All(outcomes.Where(o => o != RequeueOutcome.Requeued), o => Assert.Equal(RequeueOutcome.AlreadyRequeued, o));
        await using var db = database.CreateContext();
        var copies = await db.OutboxMessages.Where(m => m.IdempotencyKey == DeadLetterRequeue.Key(dead)).ToListAsync();
        var copy = Assert.Single(copies);
        Assert.Equal((OutboxState.Pending, 4711L, OutboxLane.Interactive, 0), (copy.State, copy.ChatId!.Value, copy.Lane, copy.Attempts));
        Assert.Equal(OutboxState.Dead, (await db.OutboxMessages.SingleAsync(m => m.Id == dead)).State);
        Assert.Single(await db.AuditEntries.Where(a => a.Action == AuditActions.OutboxRequeued && a.Subject == $"outbox:{dead}").ToListAsync());

        var row = Assert.Single(await core.Get<OutboxBacklog>().DeadLettersAsync(), r => r.Id == dead);
        Assert.Equal((copy.Id, "Bad Request: chat not found"), (row.RequeuedAs!.Value, row.Error));
        Assert.Equal(RequeueOutcome.AlreadyRequeued, await requeue.RequeueAsync(dead, "admin"));
    }

    [Fact]
    public async Task A_money_command_or_a_row_that_is_not_dead_is_not_requeued()
    {
        var refund = await DeadLetterAsync(OutboxKinds.RefundStarPayment, chatId: null, error: "unreadable");
        long pending;
        await using (var db = database.CreateContext())
        {
            var row = OutboxWriter.EnqueueMessage(db, 5, new SendMessagePayload("hi"), Now);
            await db.SaveChangesAsync();
            pending = row.Id;
        }
        await using var core = database.Core(new FakeTimeProvider(Now));
        var requeue = core.Get<DeadLetterRequeue>();

        var written = await requeue.RequeueAsync([refund, pending, refund], "admin");

        Assert.Equal(0, written);
        Assert.Equal(RequeueOutcome.NotRequeueable, await requeue.RequeueAsync(refund, "admin"));
        await using var check = database.CreateContext();
        Assert.False(await check.OutboxMessages.AnyAsync(m => m.IdempotencyKey!.StartsWith("requeue:")));
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Action == AuditActions.OutboxRequeued));
    }

    [Fact]
    public async Task Webhook_info_is_asked_once_while_a_request_waits_and_read_back_from_the_bots_result()
    {
        await using var core = database.Core(new FakeTimeProvider(Now));
        var webhook = core.Get<WebhookStatus>();
        await ExecuteAsync("DELETE FROM outbox_messages WHERE kind = 'get_webhook_info'");

        Assert.True(await webhook.RequestAsync("admin"));
        Assert.False(await webhook.RequestAsync("admin"));
        var waiting = await webhook.ReadAsync();
        Assert.Equal((true, (WebhookInfoSnapshot?)null), (waiting.Waiting, waiting.Info));

        await ExecuteAsync("""
            UPDATE outbox_messages SET state = 'sent', processed_at = @now,
              result = '{"url":"https://quiz.example","pendingUpdateCount":7,"lastErrorDate":"2026-12-06T11:00:00+00:00","lastErrorMessage":"Connection timed out","maxConnections":40}'
            WHERE kind = 'get_webhook_info'
            """);
        var done = await webhook.ReadAsync();

        Assert.False(done.Waiting);
        Assert.Equal(Now, done.FetchedAt);
        Assert.Equal(new WebhookInfoSnapshot("https://quiz.example", 7, Now.AddHours(-1), "Connection timed out", 40), done.Info! with { AllowedUpdates = null });
        Assert.Equal(OutboxLane.Interactive, OutboxLanes.Of(OutboxKinds.GetWebhookInfo, new WebhookInfoCommand("admin")));
    }

    [Fact]
    public async Task Jobs_are_read_from_the_quartz_store_with_their_fire_times_and_state()
    {
        var next = new DateTimeOffset(2026, 12, 6, 13, 0, 0, TimeSpan.Zero);
        await using (var owner = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using var command = new NpgsqlCommand($"""
                INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable, is_nonconcurrent, is_update_data, requests_recovery)
                VALUES ('quiz', 'housekeeping', 'DEFAULT', 'x', true, true, false, false), ('quiz', 'reconciliation', 'DEFAULT', 'x', true, true, false, false);
                INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, next_fire_time, prev_fire_time, trigger_state, trigger_type, start_time)
                VALUES ('quiz', 'housekeeping-trigger', 'DEFAULT', 'housekeeping', 'DEFAULT', {next.UtcTicks}, {Now.UtcTicks}, 'WAITING', 'CRON', 0),
                       ('quiz', 'reconciliation-trigger', 'DEFAULT', 'reconciliation', 'DEFAULT', -1, NULL, 'PAUSED', 'CRON', 0);
                """, owner);
            await command.ExecuteNonQueryAsync();
        }
        await using var core = database.Core(new FakeTimeProvider(Now));

        var jobs = await core.Get<SchedulerJobs>().ReadAsync();

        Assert.Equal(
            [new SchedulerJobRow("housekeeping", "housekeeping-trigger", next, Now, "WAITING"),
             new SchedulerJobRow("reconciliation", "reconciliation-trigger", null, null, "PAUSED")],
            jobs);
        Assert.True(jobs[1].Paused);
    }

    private async Task<long> DeadLetterAsync(string kind, long? chatId, string error)
    {
        await using var db = database.CreateContext();
        var row = new OutboxMessage
        {
            Kind = kind, Lane = OutboxLanes.Of(kind, null), ChatId = chatId, Payload = "{\"text\":\"hi\"}", State = OutboxState.Dead, Attempts = 3,
            CreatedAt = Now.AddHours(-1), AvailableAt = Now.AddHours(-1), ProcessedAt = Now.AddMinutes(-5), LastError = error,
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        command.Parameters.AddWithValue("now", Now);
        await command.ExecuteNonQueryAsync();
    }
}
