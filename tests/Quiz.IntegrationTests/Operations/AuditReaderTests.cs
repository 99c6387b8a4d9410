using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Operations;

/// <summary>The Protokoll's reads on PostgreSQL: filters (ILIKE with the user's wildcards taken literally), keyset pages, the export.</summary>
public sealed class AuditReaderTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero))
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private async Task RecordAsync(params (string Actor, string Action, string Subject, DateTimeOffset At)[] entries)
    {
        await using var db = Database.CreateContext();
        foreach (var e in entries) AuditLog.Record(db, e.Actor, e.Action, e.Subject, null, e.At);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Each_filter_narrows_and_they_combine()
    {
        await RecordAsync(
            ("Anna Filter", AuditActions.PlayerBanned, "player:100", At),
            ("anna filter", AuditActions.PlayerUnbanned, "player:100", At.AddDays(1)),
            ("Bernd", AuditActions.PlayerBanned, "player:200", At.AddDays(2)),
            ("Bernd", AuditActions.TournamentCreated, "tournament:0190aaaa3f9a0c1e", At.AddDays(3)));
        var reader = Core.Get<AuditReader>();
        async Task<List<string>> Subjects(AuditFilter f) => [.. (await reader.PageAsync(f, null, 50)).Lines.Select(l => $"{l.Actor}|{l.Subject}")];

        Assert.Equal(["anna filter|player:100", "Anna Filter|player:100"], await Subjects(new AuditFilter(Actor: "NNA FILT")));
        Assert.Equal(["Bernd|player:200", "Anna Filter|player:100"], await Subjects(new AuditFilter(Action: AuditActions.PlayerBanned)));
        Assert.Equal(["Bernd|tournament:0190aaaa3f9a0c1e"], await Subjects(new AuditFilter(Subject: "3f9a0c1e")));
        Assert.Equal(["anna filter|player:100"], await Subjects(new AuditFilter(Actor: "filter", From: At.AddHours(1), Until: At.AddDays(2))));
        Assert.Equal(["Bernd|player:200"], await Subjects(new AuditFilter(Actor: "bernd", Action: AuditActions.PlayerBanned, Subject: "player:")));
    }

    [Fact]
    public async Task Percent_and_underscore_in_a_filter_match_only_themselves()
    {
        await RecordAsync(("Carla_Ops", AuditActions.SupportClosed, "support:1", At), ("CarlaXOps", AuditActions.SupportClosed, "support:2", At), ("Carla 100%", AuditActions.SupportClosed, "support:3", At));
        var reader = Core.Get<AuditReader>();

        Assert.Equal(["Carla_Ops"], (await reader.PageAsync(new AuditFilter(Actor: "carla_"), null, 50)).Lines.Select(l => l.Actor));
        Assert.Equal(["Carla 100%"], (await reader.PageAsync(new AuditFilter(Actor: "0%"), null, 50)).Lines.Select(l => l.Actor));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_and_the_export_streams_all_and_is_recorded()
    {
        var subject = $"keyset:{Guid.NewGuid():N}";
        await RecordAsync([.. Enumerable.Range(0, 450).Select(i => ("Paul", AuditActions.FlagRaised, subject, At.AddSeconds(i)))]);
        var reader = Core.Get<AuditReader>();
        var filter = new AuditFilter(Subject: subject);

        var seen = new List<long>();
        long? before = null;
        AuditLogPage page;
        do
        {
            page = await reader.PageAsync(filter, before, 200);
            seen.AddRange(page.Lines.Select(l => l.Id));
            before = page.Lines.Count > 0 ? page.Lines[^1].Id : null;
        } while (page.HasOlder);
        var exported = await reader.ExportAsync(filter).Select(l => l.Id).ToListAsync();

        Assert.Equal(450, seen.Distinct().Count());
        Assert.Equal(seen.OrderDescending(), seen);
        Assert.Equal(seen, exported);

        await reader.RecordExportAsync("Anna Admin", filter, Time.GetUtcNow());
        await using var db = Database.CreateContext();
        var record = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.AuditExported).OrderBy(e => e.Id).LastAsync();
        Assert.Equal(("Anna Admin", "audit"), (record.Actor, record.Subject));
        Assert.Contains(subject, record.Details, StringComparison.Ordinal);
    }
}
