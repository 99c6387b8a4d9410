using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quiz.Testing;
using Quiz.Worker;

namespace Quiz.IntegrationTests.Worker;

public sealed class QuartzClusterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Triggers = 30;

    [Fact]
    public async Task Two_scheduler_nodes_on_one_database_fire_each_trigger_once()
    {
        var log = new FiringLog();
        var nodeA = await StartNodeAsync(log);
        var nodeB = await StartNodeAsync(log);
        try
        {
            Assert.NotEqual(nodeA.SchedulerInstanceId, nodeB.SchedulerInstanceId);
            var job = JobBuilder.Create<RecordingJob>().WithIdentity("record", "test").StoreDurably().Build();
            await nodeA.AddJob(job, new AddJobOptions { Replace = true });
            var due = DateTimeOffset.UtcNow.AddSeconds(2);
            for (var i = 0; i < Triggers; i++)
            {
                var trigger = TriggerBuilder.Create()
                    .WithIdentity($"t{i}", "test")
                    .ForJob(job)
                    .StartAt(due.AddMilliseconds(i * 50))
                    .Build();
                await (i % 2 == 0 ? nodeA : nodeB).ScheduleJob(trigger);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (log.Count < Triggers && !timeout.IsCancellationRequested)
            {
                await Task.Delay(200, CancellationToken.None);
            }
            await Task.Delay(TimeSpan.FromSeconds(3)); // room for a duplicate firing to show up

            Assert.Equal(Triggers, log.Count);
            Assert.All(log.Firings, f => Assert.Equal(1, f.Value));
        }
        finally
        {
            await nodeA.Shutdown(waitForJobsToComplete: true);
            await nodeB.Shutdown(waitForJobsToComplete: true);
        }
    }

    private async Task<IScheduler> StartNodeAsync(FiringLog log)
    {
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
        {
            q.UseQuizClusteredStore(database.ConnectionString);
            q.Services.AddSingleton(log);
            q.Services.AddTransient<RecordingJob>();
        }).BuildScheduler();
        await scheduler.Start();
        return scheduler;
    }

    public sealed class FiringLog
    {
        public ConcurrentDictionary<string, int> Firings { get; } = new();
        public int Count => Firings.Count;
    }

    public sealed class RecordingJob(FiringLog log) : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            log.Firings.AddOrUpdate(context.Trigger.Key.Name, 1, (_, n) => n + 1);
            await Task.Delay(100, cancellationToken);
        }
    }
}
