using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Messaging;

namespace Quiz.Testing;

/// <summary>
/// Plays Telegram's and the bot's part of reconciliation: an append-only list of Star transactions
/// (oldest first) and the bot's execution of a run's step commands, one page bound and one short
/// page at the end as <c>StarTransactionReader</c> reads them. The list begins at the cursor of the
/// first run driven: what lies before counts as history reconciled by earlier runs (the tests of a
/// class share one database and its cursor).
/// </summary>
public sealed class StarList
{
    public const int PageSize = 100;

    private readonly List<ListedStarTransaction> listed = [];
    private int? start;

    /// <summary>One executed step: what it did and how many entries it read.</summary>
    public sealed record Step(ReconcileCommand Command, ReconcileStepOutcome Outcome, int Read);

    /// <summary>Position of the list's end in Telegram's numbering (known once a run was driven).</summary>
    public int End => start!.Value + listed.Count;

    public void Add(params StarTransactionRecord[] records) => listed.AddRange(records.Select(r => new ListedStarTransaction(r.Date, r)));

    /// <summary>A transaction that is no payment or refund of a user (a withdrawal, ads): it only takes its place.</summary>
    public void AddOther(DateTimeOffset date) => listed.Add(new ListedStarTransaction(date, null));

    /// <summary>At most the command's pages from its offset; a short page means the end.</summary>
    public StarTransactionChunk Read(ReconcileCommand command)
    {
        var from = command.Offset - start!.Value;
        var chunk = new List<ListedStarTransaction>();
        for (var page = 0; page < command.PagesOrDefault; page++)
        {
            var batch = listed.Skip(from + chunk.Count).Take(PageSize).ToList();
            chunk.AddRange(batch);
            if (batch.Count < PageSize) return new StarTransactionChunk(command.Offset, chunk, EndReached: true);
        }
        return new StarTransactionChunk(command.Offset, chunk, EndReached: false);
    }

    /// <summary>Executes the run's pending step commands until none is left (at most <paramref name="maxSteps"/>), as the bot's dispatcher would.</summary>
    public async Task<IReadOnlyList<Step>> DriveAsync(CoreServices core, Guid run, int maxSteps = int.MaxValue)
    {
        await using (var first = core.Scope())
        {
            start ??= await first.Db.ReconciliationRuns.Where(r => r.Id == run).Select(r => r.StartOffset).SingleAsync();
        }
        var steps = new List<Step>();
        while (steps.Count < maxSteps && await PendingAsync(core, run) is { } pending)
        {
            var (id, command) = pending;
            var chunk = Read(command);
            await using var scope = core.Scope();
            var outcome = await scope.Get<ReconciliationService>().StepAsync(command, chunk);
            await scope.Db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Sent).SetProperty(m => m.ProcessedAt, m => m.CreatedAt));
            steps.Add(new Step(command, outcome, chunk.Listed.Count));
        }
        return steps;
    }

    /// <summary>The run's oldest pending step command, with its outbox row id.</summary>
    public static async Task<(long Id, ReconcileCommand Command)?> PendingAsync(CoreServices core, Guid run)
    {
        await using var scope = core.Scope();
        var rows = await scope.Db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == OutboxKinds.ReconcileStarTransactions && m.State == OutboxState.Pending)
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Payload }).ToListAsync();
        return rows.Select(r => (r.Id, Command: OutboxWriter.ReadPayload<ReconcileCommand>(r.Payload)))
            .Where(r => r.Command.RunId == run).Cast<(long, ReconcileCommand)?>().FirstOrDefault();
    }
}
