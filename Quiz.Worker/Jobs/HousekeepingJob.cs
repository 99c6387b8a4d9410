using Quartz;
using Quiz.Core.Operations;

namespace Quiz.Worker.Jobs;

/// <summary>Runs <see cref="Housekeeping"/>; one firing at a time across the whole cluster.</summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(Housekeeping housekeeping) : IJob
{
    public static readonly JobKey Key = new("housekeeping", "quiz");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await housekeeping.RunAsync(cancellationToken);
}
