using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Audit;

public sealed record AuditLine(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string? Details);

/// <summary>
/// What the console's "Protokoll" is asked for; every part optional. <see cref="Actor"/> and <see cref="Subject"/> match a
/// part, case-insensitively (trigram indexes), so the end of an id (the console's short id) finds its entries;
/// <see cref="Action"/> is one exact action; the time range is [<see cref="From"/>, <see cref="Until"/>).
/// </summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? Subject = null, DateTimeOffset? From = null, DateTimeOffset? Until = null);

/// <param name="HasOlder">More entries match below the last line (the next page starts after it).</param>
public sealed record AuditLogPage(IReadOnlyList<AuditLine> Lines, bool HasOlder);

/// <summary>
/// The console's "Protokoll": the newest audit entries, filtered, a page at a time by keyset (entries older than a given
/// id, so page 1,000 costs what page 1 costs), and the export of everything that matches, streamed.
/// </summary>
public sealed class AuditReader(IDbContextFactory<QuizDbContext> contexts)
{
    public const int MaxLines = 200;

    /// <summary>The most an export holds; the console says so when a filter matches more.</summary>
    public const int MaxExport = 100_000;

    /// <summary>An export takes the log out of the console: it is itself recorded, with the filter it used.</summary>
    public async Task RecordExportAsync(string operatorName, AuditFilter filter, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var details = $"actor={filter.Actor}; action={filter.Action}; subject={filter.Subject}; from={filter.From:O}; until={filter.Until:O}";
        AuditLog.Record(db, operatorName, AuditActions.AuditExported, "audit", details, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Up to <paramref name="size"/> matching entries older than <paramref name="before"/> (the newest without it), newest first.</summary>
    public async Task<AuditLogPage> PageAsync(AuditFilter filter, long? before, int size, CancellationToken ct = default)
    {
        size = Math.Clamp(size, 1, MaxLines);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Matching(db, filter);
        if (before is { } id) query = query.Where(e => e.Id < id);
        var lines = await query.OrderByDescending(e => e.Id).Take(size + 1)
            .Select(e => new AuditLine(e.Id, e.At, e.Actor, e.Action, e.Subject, e.Details)).ToListAsync(ct);
        return new AuditLogPage(lines.Take(size).ToList(), lines.Count > size);
    }

    /// <summary>Every matching entry, newest first, at most <see cref="MaxExport"/>; read in pages so no query holds them all.</summary>
    public async IAsyncEnumerable<AuditLine> ExportAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        long? before = null;
        var sent = 0;
        while (sent < MaxExport)
        {
            var page = await PageAsync(filter, before, Math.Min(MaxLines, MaxExport - sent), ct);
            foreach (var line in page.Lines) yield return line;
            sent += page.Lines.Count;
            if (!page.HasOlder || page.Lines.Count == 0) yield break;
            before = page.Lines[^1].Id;
        }
    }

    private static IQueryable<AuditEntry> Matching(QuizDbContext db, AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (Pattern(filter.Actor) is { } actor) query = query.Where(e => EF.Functions.ILike(e.Actor, actor, "\\"));
        if (Pattern(filter.Subject) is { } subject) query = query.Where(e => EF.Functions.ILike(e.Subject, subject, "\\"));
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(e => e.Action == filter.Action.Trim());
        if (filter.From is { } from) query = query.Where(e => e.At >= from);
        if (filter.Until is { } until) query = query.Where(e => e.At < until);
        return query;
    }

    /// <summary><c>%part%</c> with the user's <c>%</c>, <c>_</c> and <c>\</c> taken literally; null for nothing to match.</summary>
    private static string? Pattern(string? part) =>
        string.IsNullOrWhiteSpace(part) ? null : $"%{part.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
}
