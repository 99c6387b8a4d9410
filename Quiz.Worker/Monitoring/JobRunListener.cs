using Quartz;

namespace Quiz.Worker.Monitoring;

/// <summary>Every job run on this node into <see cref="WorkerMetrics"/>: the heartbeat behind the alert "scheduler stalled".</summary>
public sealed class JobRunListener(WorkerMetrics metrics) : IJobListener
{
    public string Name => nameof(JobRunListener);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        metrics.JobRan(context.JobDetail.Key.Name, jobException is null);
        return ValueTask.CompletedTask;
    }
}
