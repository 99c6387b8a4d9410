using System.Diagnostics;
using Quiz.Core.Tournaments;

namespace Quiz.LoadDriver;

/// <summary>
/// Times the statements that enqueue a tournament's notices in bulk, from Npgsql's own trace activities
/// (one per command or batch, with its text): the start notices inside the start step, the result notices
/// inside the reward step.
/// </summary>
internal sealed class NoticeTimer : IDisposable
{
    private readonly ActivityListener listener;

    public NoticeTimer()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? "";
                if (!text.Contains("INSERT INTO outbox_messages", StringComparison.Ordinal)) return;
                if (text.Contains($"'{TournamentNotices.Started}'", StringComparison.Ordinal)) Started = activity.Duration;
                else if (text.Contains($"'{TournamentNotices.Result}'", StringComparison.Ordinal)) Results = activity.Duration;
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public TimeSpan? Started { get; private set; }

    public TimeSpan? Results { get; private set; }

    public void Dispose() => listener.Dispose();
}
