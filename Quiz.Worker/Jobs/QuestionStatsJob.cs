using Quartz;
using Quiz.Core.Questions.Stats;

namespace Quiz.Worker.Jobs;

/// <summary>
/// Counts the new answer events into the question statistics and calibrates difficulties (<see cref="QuestionStatsRun"/>); one
/// firing at a time across the cluster. Each run reads a bounded slice after its cursor; a backlog is finished by the following firings.
/// </summary>
[DisallowConcurrentExecution]
public sealed class QuestionStatsJob(QuestionStatsRun run) : IJob
{
    public static readonly JobKey Key = new("question-stats", "quiz");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await run.RunAsync(cancellationToken);
}
