using Quartz;
using Quiz.Core.AntiCheat;

namespace Quiz.Worker.Jobs;

/// <summary>
/// Runs the batch cheat detectors (<see cref="CheatScan"/>); one firing at a time across the cluster. Each run reads a bounded slice
/// after its cursor; a backlog is finished by the following firings.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CheatScanJob(CheatScan scan) : IJob
{
    public static readonly JobKey Key = new("cheat-scan", "quiz");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await scan.RunAsync(cancellationToken);
}
