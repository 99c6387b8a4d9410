using Quartz;
using Quiz.Core.Economy.Reconciliation;

namespace Quiz.Worker.Jobs;

/// <summary>Requests the day's reconciliation with Telegram's Star transactions; the bot layer runs it.</summary>
[DisallowConcurrentExecution]
public sealed class ReconciliationJob(ReconciliationService reconciliation) : IJob
{
    public static readonly JobKey Key = new("reconciliation", "quiz");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await reconciliation.RequestDailyAsync(cancellationToken);
}
