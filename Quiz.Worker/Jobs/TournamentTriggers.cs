using Quartz;
using Quiz.Core.Tournaments;

namespace Quiz.Worker.Jobs;

/// <summary>
/// Keeps one persistent Quartz trigger per planned tournament step (start of a scheduled one, end of a
/// running one), so each happens at its minute on exactly one node of the cluster. A trigger whose
/// time passed while no node ran fires once at once (misfire: fire now). The tournament clock calls
/// this every tick and repairs whatever a trigger did not do.
/// </summary>
public static class TournamentTriggers
{
    public const string Group = "tournaments";

    public static TriggerKey KeyFor(PlannedStep step) => new($"{step.Step.ToString().ToLowerInvariant()}-{step.TournamentId:N}", Group);

    /// <summary>Schedules the missing triggers; returns how many were added.</summary>
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
            if (await scheduler.Exists(key, ct)) continue;
            var trigger = TriggerBuilder.Create()
                .WithIdentity(key)
                .ForJob(TournamentStepJob.Key)
                .UsingJobData(TournamentStepJob.TournamentKey, step.TournamentId.ToString("N"))
                .UsingJobData(TournamentStepJob.StepKey, step.Step.ToString())
                .StartAt(step.At)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            try
            {
                await scheduler.ScheduleJob(trigger, cancellationToken: ct);
                added++;
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another node added it between the check and the insert: one trigger, as wanted.
            }
        }
        return added;
    }
}
