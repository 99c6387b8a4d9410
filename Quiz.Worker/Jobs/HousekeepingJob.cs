using Quartz;
using Quiz.Core.Operations;

namespace Quiz.Worker.Jobs;

/// <summary>
/// Runs <see cref="Housekeeping"/>; one firing at a time across the whole cluster. A backlog larger
/// than one run's time budget is finished by the following firings.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(Housekeeping housekeeping) : IJob
{
    public static readonly JobKey Key = new("housekeeping", "quiz");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await housekeeping.RunAsync(cancellationToken);
}
