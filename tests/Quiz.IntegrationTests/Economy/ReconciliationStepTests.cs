using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

/// <summary>A run in bounded steps from the cursor, the cursor after it, and a run that cannot finish.</summary>
public sealed class ReconciliationStepTests(PostgresDatabase database) : ReconciliationTestBase(database)
{
    private static async Task<Guid> RequestAsync(CoreServices core)
    {
        await using var scope = core.Scope();
        return await scope.Get<ReconciliationService>().RequestAsync("tester");
    }

    private async Task<ReconciliationCursor> CursorAsync()
    {
        await using var db = Database.CreateContext();
        return await db.ReconciliationCursors.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task A_run_reads_from_the_cursor_in_bounded_steps_and_the_next_run_reads_only_what_is_new()
    {
        await using var core = Configured(("PagesPerStep", 1));
        var matching = await BuyAsync();
        var mismatched = await BuyAsync();
        var last = await BuyAsync();
        var at = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromHours(1));
        TelegramList.Add(matching.Paid());
        for (var i = 0; i < 120; i++) TelegramList.AddOther(at);
        TelegramList.Add(mismatched.Paid(mismatched.Amount + 3));
        for (var i = 0; i < 127; i++) TelegramList.AddOther(at);
        TelegramList.Add(last.Paid());

        var run = await RequestAsync(core);
        var steps = await TelegramList.DriveAsync(core, run);

        var row = await RunRowAsync(run);
        var start = row.StartOffset;
        Assert.Equal(
            [(0, start, 100, ReconcileStepOutcome.Continued), (1, start + 100, 100, ReconcileStepOutcome.Continued), (2, start + 200, 50, ReconcileStepOutcome.Completed)],
            steps.Select(s => (s.Command.Step, s.Command.Offset, s.Read, s.Outcome)));
        Assert.All(steps, s => Assert.Equal((1, 5), (s.Command.Pages, s.Command.MaxAttempts)));
        Assert.Equal((ReconciliationStatus.Completed, 3, start + 250, start + 250, 3), (row.Status, row.Steps, row.NextOffset, row.SettledOffset, row.TransactionCount));
        var cursor = await CursorAsync();
        Assert.Equal((TelegramList.End, (DateTimeOffset?)last.At), (cursor.Offset, cursor.LastDate));
        var alert = Assert.Single(await AlertsAsync(matching.Charge, mismatched.Charge, last.Charge));
        Assert.Equal((DifferenceKind.AmountMismatch, mismatched.Charge, run), (alert.Kind, alert.ChargeId, alert.RunId));
        await using (var db = Database.CreateContext())
        {
            var keys = Enumerable.Range(0, 3).Select(step => ReconcileCommand.Key(run, step)).ToList();
            Assert.Equal(3, await db.OutboxMessages.CountAsync(m => keys.Contains(m.IdempotencyKey!) && m.Kind == OutboxKinds.ReconcileStarTransactions));
        }

        var newcomer = await BuyAsync();
        Time.Advance(TimeSpan.FromHours(1));
        TelegramList.Add(newcomer.Paid());
        var next = await RequestAsync(core);
        var nextSteps = await TelegramList.DriveAsync(core, next);

        Assert.Equal([(start + 250, 1, ReconcileStepOutcome.Completed)], nextSteps.Select(s => (s.Command.Offset, s.Read, s.Outcome)));
        Assert.Equal((start + 250, 1), ((await RunRowAsync(next)).StartOffset, (await RunRowAsync(next)).TransactionCount));
        Assert.Empty(await AlertsAsync(newcomer.Charge));
        Assert.Equal(start + 251, (await CursorAsync()).Offset);
    }

    [Fact]
    public async Task A_run_older_than_its_limit_fails_with_the_reason_and_the_next_run_goes_on_from_the_cursor()
    {
        await using var core = Configured(("PagesPerStep", 1), ("MaxRunMinutes", 30));
        for (var i = 0; i < 150; i++) TelegramList.AddOther(Time.GetUtcNow().AddHours(-1));
        var run = await RequestAsync(core);
        Assert.Equal([ReconcileStepOutcome.Continued], (await TelegramList.DriveAsync(core, run, maxSteps: 1)).Select(s => s.Outcome));
        var start = (await RunRowAsync(run)).StartOffset;

        Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal([ReconcileStepOutcome.Expired], (await TelegramList.DriveAsync(core, run)).Select(s => s.Outcome));

        var failed = await RunRowAsync(run);
        Assert.Equal((ReconciliationStatus.Failed, Time.GetUtcNow(), 1), (failed.Status, failed.CompletedAt!.Value, failed.Steps));
        Assert.StartsWith("Nicht innerhalb von 30 Minuten fertig geworden (bis Transaktion", failed.Error);
        Assert.Equal(start + 100, (await CursorAsync()).Offset);

        var next = await RequestAsync(core);
        var steps = await TelegramList.DriveAsync(core, next);
        Assert.Equal([(start + 100, 50, ReconcileStepOutcome.Completed)], steps.Select(s => (s.Command.Offset, s.Read, s.Outcome)));
        Assert.Equal(start + 150, (await CursorAsync()).Offset);
    }

    [Fact]
    public async Task A_step_given_up_ends_its_run_with_the_reason_but_a_give_up_of_a_step_already_done_changes_nothing()
    {
        await using var core = Configured(("PagesPerStep", 1));
        for (var i = 0; i < 150; i++) TelegramList.AddOther(Time.GetUtcNow().AddHours(-1));
        var run = await RequestAsync(core);
        var first = Assert.Single(await TelegramList.DriveAsync(core, run, maxSteps: 1)).Command;
        await using (var scope = core.Scope())
        {
            await scope.Get<ReconciliationService>().GiveUpAsync(first, 5, "late retry of a step that succeeded");
        }
        Assert.Equal(ReconciliationStatus.Requested, (await RunRowAsync(run)).Status);

        var second = (await StarList.PendingAsync(core, run))!.Value.Command;
        await using (var scope = core.Scope())
        {
            await scope.Get<ReconciliationService>().GiveUpAsync(second, 5, "Bad Gateway");
        }

        var row = await RunRowAsync(run);
        Assert.Equal((ReconciliationStatus.Failed, $"Schritt 2 (ab Transaktion {row.StartOffset + 100}) nach 5 Versuchen aufgegeben: Bad Gateway"), (row.Status, row.Error));
        Assert.Equal([ReconcileStepOutcome.AlreadyDone], (await TelegramList.DriveAsync(core, run)).Select(s => s.Outcome));
    }
}
