using Quartz;
using Quiz.Core.Game;

namespace Quiz.Worker.Jobs;

/// <summary>
/// Runs <see cref="SessionTimeouts"/>: reveals answers of missed questions, ends idle games,
/// expires duels. One firing at a time across the cluster; a missed firing is simply the next one.
/// </summary>
[DisallowConcurrentExecution]
public sealed class GameClockJob(SessionTimeouts timeouts) : IJob
{
    public static readonly JobKey Key = new("game-clock", "quiz");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await timeouts.RunAsync(cancellationToken);
}
