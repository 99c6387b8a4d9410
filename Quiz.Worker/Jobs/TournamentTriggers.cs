using Quartz;
using Quiz.Core.Tournaments;

namespace Quiz.Worker.Jobs;

/// <summary>
/// Keeps one persistent Quartz trigger per planned tournament step (start of a scheduled one, end of a
/// running one), so each happens at its minute on exactly one node of the cluster. A trigger whose
/// time passed while no node ran fires once at once (misfire: fire now). A tournament edited to new
/// times gets its trigger moved to them. The tournament clock calls this every tick and repairs
/// whatever a trigger did not do (a trigger at an old time finds nothing due: the step is Core's compare-and-set).
/// </summary>
public static class TournamentTriggers
{
    public const string Group = "tournaments";

    public static TriggerKey KeyFor(PlannedStep step) => new($"{step.Step.ToString().ToLowerInvariant()}-{step.TournamentId:N}", Group);

    /// <summary>Schedules the missing triggers and moves those whose time was edited; returns how many were added or moved.</summary>
    public static async Task<int> SyncAsync(IScheduler scheduler, IReadOnlyList<PlannedStep> steps, CancellationToken ct)
    {
        if (!await scheduler.Exists(TournamentStepJob.Key, ct))
        {
            var job = JobBuilder.Create<TournamentStepJob>().WithIdentity(TournamentStepJob.Key).StoreDurably()
                .WithDescription("Turnier zur geplanten Zeit starten oder beenden").Build();
            await scheduler.AddJob(job, new AddJobOptions { Replace = true }, ct);
        }
        var added = 0;
        foreach (var step in steps)
        {
            var key = KeyFor(step);
            if (await scheduler.GetTrigger(key, ct) is { } existing)
            {
                if (existing.StartTimeUtc == step.At) continue;
                // The tournament was edited: the same trigger, at the new time (a node racing this moves it to the same time).
                if (await scheduler.RescheduleJob(key, Build(key, step), ct) is not null) added++;
                continue;
            }
            try
            {
                await scheduler.ScheduleJob(Build(key, step), cancellationToken: ct);
                added++;
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another node added it between the check and the insert: one trigger, as wanted.
            }
        }
        return added;
    }

    private static ITrigger Build(TriggerKey key, PlannedStep step) =>
        TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(TournamentStepJob.Key)
            .UsingJobData(TournamentStepJob.TournamentKey, step.TournamentId.ToString("N"))
            .UsingJobData(TournamentStepJob.StepKey, step.Step.ToString())
            .StartAt(step.At)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
}
