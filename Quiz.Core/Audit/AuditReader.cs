using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Audit;

public sealed record AuditLine(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string? Details);

/// <summary>The console's "Protokoll": the newest audit entries, optionally of one action (e.g. account deletions).</summary>
public sealed class AuditReader(IDbContextFactory<QuizDbContext> contexts)
{
    public const int MaxLines = 200;

    public async Task<IReadOnlyList<AuditLine>> RecentAsync(string? action = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (action is not null) query = query.Where(e => e.Action == action);
        return await query.OrderByDescending(e => e.Id).Take(MaxLines)
            .Select(e => new AuditLine(e.Id, e.At, e.Actor, e.Action, e.Subject, e.Details)).ToListAsync(ct);
    }
}
