using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quiz.Core.Audit;
using Quiz.Core.Data;

namespace Quiz.Core.Features;

/// <summary>One switch as the console and the admin API show it.</summary>
public sealed record FeatureSwitchView(Feature Feature, string Key, bool On, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>A recorded change: who, when, the switch, old → new.</summary>
public sealed record FeatureChangeLine(DateTimeOffset At, string Actor, string Subject, string? Details);

/// <summary>What a change did: the switches whose position it changed (empty: all were already so).</summary>
public sealed record FeatureChangeResult(IReadOnlyList<FeatureSwitchView> Changed, IReadOnlyList<FeatureSwitchView> Switches);

/// <summary>
/// The switches in PostgreSQL, the source of truth: read by every replica's <see cref="FeatureSnapshot"/>, changed by an
/// operator (console or admin API) in one transaction that locks the rows and audits every change with old and new
/// position; after the commit the change is signalled (<see cref="IFeatureSignal"/>) so replicas reload within moments.
/// </summary>
public sealed partial class FeatureSwitches(
    IDbContextFactory<QuizDbContext> contexts, IFeatureSignal signal, TimeProvider time, ILogger<FeatureSwitches> logger)
{
    public const int HistoryLines = 50;

    public async Task<IReadOnlyList<FeatureSwitchView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return Views(await db.FeatureSwitches.AsNoTracking().ToListAsync(ct));
    }

    public async Task<FeatureSet> ReadAsync(CancellationToken ct = default) =>
        new((await ListAsync(ct)).ToDictionary(s => s.Feature, s => s.On));

    /// <summary>The newest recorded changes, newest first.</summary>
    public async Task<IReadOnlyList<FeatureChangeLine>> HistoryAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.FeatureSwitched)
            .OrderByDescending(e => e.Id).Take(HistoryLines)
            .Select(e => new FeatureChangeLine(e.At, e.Actor, e.Subject, e.Details)).ToListAsync(ct);
    }

    /// <summary>Sets the given switches; a switch already in that position is left alone and not audited.</summary>
    public async Task<FeatureChangeResult> ChangeAsync(IReadOnlyDictionary<Feature, bool> positions, string actor, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        actor = actor.Length <= 200 ? actor : actor[..200];
        var changed = new List<FeatureSwitchView>();
        List<FeatureSwitch> rows;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            rows = await db.FeatureSwitches.FromSql($"SELECT * FROM feature_switches ORDER BY key FOR UPDATE").ToListAsync(ct);
            foreach (var (feature, on) in positions)
            {
                var key = FeatureKeys.Key(feature);
                var row = rows.FirstOrDefault(r => r.Key == key);
                if (row is null)
                {
                    // Seeded by the migration; a row deleted by hand comes back in its default position.
                    row = new FeatureSwitch { Key = key, IsOn = FeatureKeys.DefaultOn(feature), ChangedAt = now, ChangedBy = actor };
                    db.FeatureSwitches.Add(row);
                    rows.Add(row);
                }
                if (row.IsOn == on) continue;
                AuditLog.Record(db, actor, AuditActions.FeatureSwitched, $"feature:{key}", $"{Position(row.IsOn)} → {Position(on)}", now);
                row.IsOn = on;
                row.ChangedAt = now;
                row.ChangedBy = actor;
                changed.Add(View(row)!);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        if (changed.Count > 0) await SignalAsync(ct);
        return new FeatureChangeResult(changed, Views(rows));
    }

    /// <summary>German, as the console's Protokoll shows it.</summary>
    public static string Position(bool on) => on ? "an" : "aus";

    private async Task SignalAsync(CancellationToken ct)
    {
        try
        {
            await signal.PublishAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The replicas' periodic reload picks the change up anyway, a few seconds later.
            LogSignalFailed(ex);
        }
    }

    private static List<FeatureSwitchView> Views(IEnumerable<FeatureSwitch> rows)
    {
        var byKey = rows.Select(View).OfType<FeatureSwitchView>().ToDictionary(v => v.Feature);
        return [.. FeatureKeys.All.Select(f => byKey.GetValueOrDefault(f) ?? new FeatureSwitchView(f, FeatureKeys.Key(f), FeatureKeys.DefaultOn(f), DateTimeOffset.MinValue, ""))];
    }

    private static FeatureSwitchView? View(FeatureSwitch row) =>
        FeatureKeys.TryParse(row.Key, out var feature) ? new FeatureSwitchView(feature, row.Key, row.IsOn, row.ChangedAt, row.ChangedBy) : null;

    [LoggerMessage(LogLevel.Warning, "Feature switch change committed but not signalled; replicas reload it with their next periodic read")]
    private partial void LogSignalFailed(Exception ex);
}
