using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quiz.Core.Data;
using Quiz.Core.Game;

namespace Quiz.Core.Operations;

public sealed record HousekeepingResult(int ProcessedUpdatesDeleted, int SessionsAbandoned);

/// <summary>
/// Periodic clean-up: forget update ids older than Telegram's redelivery horizon and end games
/// whose player has been silent too long. Idempotent; safe to run on several nodes.
/// </summary>
public sealed partial class Housekeeping(QuizDbContext db, TimeProvider time, ILogger<Housekeeping> logger)
{
    /// <summary>Telegram keeps undelivered updates for 24 h; twice that is a safe dedupe horizon.</summary>
    public static readonly TimeSpan ProcessedUpdateRetention = TimeSpan.FromHours(48);
    public static readonly TimeSpan SessionIdleLimit = TimeSpan.FromMinutes(15);

    private static readonly Meter Meter = new("Quiz.Core");
    private static readonly Counter<long> Abandoned = Meter.CreateCounter<long>("quiz.sessions.abandoned");

    public async Task<HousekeepingResult> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var updateHorizon = now - ProcessedUpdateRetention;
        var idleHorizon = now - SessionIdleLimit;

        var deleted = await db.ProcessedUpdates
            .Where(u => u.ReceivedAt < updateHorizon)
            .ExecuteDeleteAsync(ct);

        var abandoned = await db.GameSessions
            .Where(s => (s.State == SessionState.Active || s.State == SessionState.Paused) && s.LastActivityAt < idleHorizon)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.State, SessionState.Abandoned)
                .SetProperty(s => s.FinishedAt, now), ct);

        Abandoned.Add(abandoned);
        LogRun(deleted, abandoned);
        return new HousekeepingResult(deleted, abandoned);
    }

    [LoggerMessage(LogLevel.Information, "Housekeeping: {Deleted} processed update(s) deleted, {Abandoned} idle session(s) abandoned")]
    private partial void LogRun(int deleted, int abandoned);
}
