using Quartz;
using Quiz.Core.Tournaments;

namespace Quiz.Worker.Jobs;

/// <summary>
/// The tournament clock: schedules an exact trigger for every planned start and end
/// (<see cref="TournamentTriggers"/>), then runs <see cref="TournamentLifecycle.AdvanceDueAsync"/> — the
/// repair for anything due that no trigger did (a trigger added late, a node that died mid-step) and
/// the step that issues rewards. Every step is a compare-and-set under the tournament's row lock, so
/// doing one twice is harmless; a missed firing is simply the next one.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TournamentClockJob(TournamentLifecycle lifecycle, ILogger<TournamentClockJob> logger) : IJob
{
    public static readonly JobKey Key = new("tournament-clock", "quiz");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var added = await TournamentTriggers.SyncAsync(context.Scheduler, await lifecycle.UpcomingStepsAsync(cancellationToken), cancellationToken);
        var changed = await lifecycle.AdvanceDueAsync(cancellationToken);
        if (added > 0 || changed > 0) logger.LogInformation("Tournament clock: {Added} trigger(s) planned, {Changed} step(s) repaired or rewarded", added, changed);
    }
}
