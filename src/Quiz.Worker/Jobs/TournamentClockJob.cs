using Quartz;
using Quiz.Core.Tournaments;

namespace Quiz.Worker.Jobs;

/// <summary>
/// Runs <see cref="TournamentLifecycle.AdvanceDueAsync"/>: starts tournaments at their start time,
/// finishes them at their end, issues the rewards. Every step is a compare-and-set under the
/// tournament's row lock, so this job is also the repair for anything a node missed; a missed firing
/// is simply the next one.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TournamentClockJob(TournamentLifecycle lifecycle, ILogger<TournamentClockJob> logger) : IJob
{
    public static readonly JobKey Key = new("tournament-clock", "quiz");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var changed = await lifecycle.AdvanceDueAsync(cancellationToken);
        if (changed > 0) logger.LogInformation("Tournament clock advanced {Count} tournament step(s)", changed);
    }
}
