using Quartz;
using Quiz.Core.Tournaments.Series;

namespace Quiz.Worker.Jobs;

/// <summary>
/// Plans the occurrences of every running tournament series within its horizon (ADR 0022) as scheduled tournaments; the
/// tournament clock then gives each its start and end triggers. Not concurrent within the cluster, and Core's series row
/// lock with the unique (series, day) index makes a racing or repeated run plan nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TournamentSeriesJob(SeriesPlanner planner, ILogger<TournamentSeriesJob> logger) : IJob
{
    public static readonly JobKey Key = new("tournament-series", "quiz");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var planned = await planner.PlanDueAsync(cancellationToken);
        if (planned > 0) logger.LogInformation("Tournament series: {Planned} tournament(s) planned ahead", planned);
    }
}
