using Quartz;
using Quiz.Core.Operations.Dashboard;

namespace Quiz.Worker.Jobs;

/// <summary>
/// Keeps the console's daily figures current (<see cref="DailyRollup"/>): one firing at a time across the cluster, each an
/// idempotent upsert per Berlin day, so a firing taken over by another node after a crash only repeats the same numbers.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DailyFiguresJob(DailyRollup rollup) : IJob
{
    public static readonly JobKey Key = new("daily-figures", "quiz");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await rollup.RunAsync(cancellationToken);
}
