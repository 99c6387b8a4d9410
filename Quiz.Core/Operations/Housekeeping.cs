using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quiz.Core.Data;

namespace Quiz.Core.Operations;

public sealed record HousekeepingResult(int ProcessedUpdatesDeleted);

/// <summary>
/// Periodic clean-up: forget update ids older than Telegram's redelivery horizon (idle games are
/// ended by <see cref="Game.SessionTimeouts"/>, which also shows the result). Idempotent; safe to
/// run on several nodes.
/// </summary>
public sealed partial class Housekeeping(QuizDbContext db, TimeProvider time, ILogger<Housekeeping> logger)
{
    /// <summary>Telegram keeps undelivered updates for 24 h; twice that is a safe dedupe horizon.</summary>
    public static readonly TimeSpan ProcessedUpdateRetention = TimeSpan.FromHours(48);

    public async Task<HousekeepingResult> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var updateHorizon = now - ProcessedUpdateRetention;
        var deleted = await db.ProcessedUpdates
            .Where(u => u.ReceivedAt < updateHorizon)
            .ExecuteDeleteAsync(ct);
        LogRun(deleted);
        return new HousekeepingResult(deleted);
    }

    [LoggerMessage(LogLevel.Information, "Housekeeping: {Deleted} processed update(s) deleted")]
    private partial void LogRun(int deleted);
}
