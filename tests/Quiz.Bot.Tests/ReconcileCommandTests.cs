using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.Bot.Tests;

/// <summary>
/// The dispatcher and a reconciliation step that keeps failing: every failure (Telegram 5xx, a
/// dispatch timeout, the network) is an attempt; the last one ends the run as failed with the
/// reason and dead-letters the command, and "Jetzt abgleichen" then starts a new run.
/// </summary>
public sealed class ReconcileCommandTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero))
{
    private static readonly Exception[] Failures =
    [
        FakeTelegram.Error(502, "Bad Gateway"),
        new OperationCanceledException("The dispatch timed out."),
        new HttpRequestException("Connection refused"),
        FakeTelegram.Error(500, "Internal Server Error"),
        FakeTelegram.Error(502, "Bad Gateway: still down"),
    ];

    private async Task<OutboxMessage> DispatchAsync(Guid run, Exception failure)
    {
        var store = Core.Get<OutboxStore>();
        var claimed = (await store.ClaimAsync(100, TimeSpan.FromMinutes(1)))
            .Single(m => m.Kind == OutboxKinds.ReconcileStarTransactions && OutboxWriter.ReadPayload<ReconcileCommand>(m.Payload).RunId == run);
        var dispatcher = BotParts.Dispatcher(Core, new FakeTelegram(failure));

        await dispatcher.DispatchAsync(claimed, CancellationToken.None);

        await using var db = Database.CreateContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == claimed.Id);
    }

    private async Task<ReconciliationRun> RunAsync(Guid run)
    {
        await using var db = Database.CreateContext();
        return await db.ReconciliationRuns.AsNoTracking().SingleAsync(r => r.Id == run);
    }

    [Fact]
    public async Task A_step_failing_on_every_attempt_ends_the_run_with_the_reason_and_run_now_starts_a_new_one()
    {
        var console = Core.Get<ReconciliationAdministration>();
        var first = await console.RunNowAsync("Anna Admin");
        Assert.True(first.Started);

        for (var attempt = 1; attempt < Failures.Length; attempt++)
        {
            var retried = await DispatchAsync(first.Run.Id, Failures[attempt - 1]);
            Assert.Equal((OutboxState.Pending, attempt), (retried.State, retried.Attempts));
            Assert.Equal(ReconciliationStatus.Requested, (await RunAsync(first.Run.Id)).Status);
            Assert.False((await console.RunNowAsync("Bernd Admin")).Started);
            Time.Advance(TimeSpan.FromMinutes(10));
        }
        var dead = await DispatchAsync(first.Run.Id, Failures[^1]);

        Assert.Equal((OutboxState.Dead, "Bad Gateway: still down"), (dead.State, dead.LastError));
        var failed = await RunAsync(first.Run.Id);
        Assert.Equal((ReconciliationStatus.Failed, Time.GetUtcNow()), (failed.Status, failed.CompletedAt!.Value));
        Assert.Equal($"Schritt 1 (ab Transaktion {failed.StartOffset}) nach 5 Versuchen aufgegeben: Bad Gateway: still down", failed.Error);

        var again = await console.RunNowAsync("Bernd Admin");
        Assert.True(again.Started);
        Assert.NotEqual(first.Run.Id, again.Run.Id);
        Assert.Equal((failed.StartOffset, ReconciliationStatus.Requested), (again.Run.StartOffset, again.Run.Status));
    }
}
