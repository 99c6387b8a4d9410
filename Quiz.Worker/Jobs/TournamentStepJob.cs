using Quartz;
using Quiz.Core.Tournaments;

namespace Quiz.Worker.Jobs;

/// <summary>
/// Fired by a tournament's own trigger at its start or end time (see <see cref="TournamentTriggers"/>).
/// The step is Core's compare-and-set, so a second firing — or the clock having done it first — is a no-op.
/// </summary>
public sealed class TournamentStepJob(TournamentLifecycle lifecycle, ILogger<TournamentStepJob> logger) : IJob
{
    public static readonly JobKey Key = new("tournament-step", "quiz");
    public const string TournamentKey = "tournament";
    public const string StepKey = "step";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        if (!Guid.TryParse(data.GetString(TournamentKey), out var id) || !Enum.TryParse<TournamentStep>(data.GetString(StepKey), out var step))
        {
            logger.LogWarning("Tournament trigger {Trigger} without a valid tournament/step; ignored", context.Trigger.Key);
            return;
        }
        var outcome = await lifecycle.RunStepAsync(id, step, cancellationToken);
        logger.LogInformation("Tournament {Tournament} step {Step} at its planned time: {Outcome}", id, step, outcome);
    }
}
