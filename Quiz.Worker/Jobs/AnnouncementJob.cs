using Quartz;
using Quiz.Core.Announcements;

namespace Quiz.Worker.Jobs;

/// <summary>
/// Announcements: fans every announcement being sent out into the outbox in batches (the bot's dispatcher sends them in the
/// bulk lane, within the send budget), then gives finished ones their final counts. Each batch is its own transaction
/// under the announcement's row lock with unique keys per player, so a second node or a repeated run writes nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AnnouncementJob(AnnouncementFanOut fanOut, ILogger<AnnouncementJob> logger) : IJob
{
    public static readonly JobKey Key = new("announcements", "quiz");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var written = await fanOut.RunAsync(ct: cancellationToken);
        var finished = await fanOut.FinishAsync(cancellationToken);
        if (written > 0 || finished > 0) logger.LogInformation("Announcements: {Written} message(s) queued, {Finished} finished", written, finished);
    }
}
