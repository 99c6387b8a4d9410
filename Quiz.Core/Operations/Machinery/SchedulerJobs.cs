using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Operations.Machinery;

/// <summary>
/// One trigger of the worker's Quartz cluster: its job, next and previous fire time (UTC) and Quartz's state
/// (<c>WAITING</c>, <c>ACQUIRED</c>, <c>EXECUTING</c>, <c>BLOCKED</c>, <c>PAUSED</c>, <c>PAUSED_BLOCKED</c>, <c>ERROR</c>, <c>COMPLETE</c>).
/// </summary>
public sealed record SchedulerJobRow(string Job, string Trigger, DateTimeOffset? NextFireAt, DateTimeOffset? PreviousFireAt, string State)
{
    public bool Paused => State.StartsWith("PAUSED", StringComparison.Ordinal);
    public bool Failed => State == "ERROR";
}

/// <summary>
/// Reads the worker's jobs from the clustered Quartz store (<c>qrtz_triggers</c>, created by the migrator): Quartz keeps
/// fire times as UTC ticks. Read-only; the console never changes the schedule.
/// </summary>
public sealed class SchedulerJobs(IDbContextFactory<QuizDbContext> contexts)
{
    private sealed record TriggerRow(string JobName, string JobGroup, string TriggerName, long? NextFireTime, long? PrevFireTime, string TriggerState);

    public async Task<IReadOnlyList<SchedulerJobRow>> ReadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Database.SqlQueryRaw<TriggerRow>("""
            SELECT job_name, job_group, trigger_name, next_fire_time, prev_fire_time, trigger_state
            FROM qrtz_triggers
            ORDER BY job_name, trigger_name
            """).ToListAsync(ct);
        return [.. rows.Select(r => new SchedulerJobRow(r.JobName, r.TriggerName, At(r.NextFireTime), At(r.PrevFireTime), r.TriggerState))];
    }

    // The context's snake_case naming maps the columns to the record's properties.

    /// <summary>Quartz writes -1 or 0 for "none".</summary>
    private static DateTimeOffset? At(long? ticks) => ticks is > 0 ? new DateTimeOffset(ticks.Value, TimeSpan.Zero) : null;
}
