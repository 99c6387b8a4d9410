using Quartz;
using Quiz.Core;
using Quiz.ServiceDefaults;

namespace Quiz.Worker;

public static class WorkerServiceExtensions
{
    public static WebApplicationBuilder AddWorkerServices(this WebApplicationBuilder builder)
    {
        builder.AddQuizCore(QuizResources.Database);
        builder.AddQuizRedis();

        var connectionString = builder.Configuration.GetConnectionString(QuizResources.Database)!;
        builder.AddQuartz(q => q.UseQuizClusteredStore(connectionString).AddQuizJobs());
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHealthChecks().AddQuartz();
        return builder;
    }
}
