using Quartz;
using Quiz.Core;
using Quiz.ServiceDefaults;
using Quiz.Worker.Monitoring;

namespace Quiz.Worker;

public static class WorkerServiceExtensions
{
    public static WebApplicationBuilder AddWorkerServices(this WebApplicationBuilder builder)
    {
        builder.AddQuizCore(QuizResources.Database);
        builder.AddQuizRedis();

        var connectionString = builder.Configuration.GetConnectionString(QuizResources.Database)!;
        builder.Services.AddSingleton<WorkerMetrics>();
        builder.Services.AddHostedService<OperationalGauges>();
        builder.AddQuartz(q => q.UseQuizClusteredStore(connectionString).AddQuizJobs().AddJobListener<JobRunListener>([GroupMatcher<JobKey>.AnyGroup()]));
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHealthChecks().AddQuartz();
        return builder;
    }
}
