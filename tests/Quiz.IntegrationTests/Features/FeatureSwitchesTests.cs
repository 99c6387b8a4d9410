using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Features;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Features;

/// <summary>The switches' store: seeded positions, changes in one audited transaction, validation by the table.</summary>
public sealed class FeatureSwitchesTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 6, 17, 0, 0, TimeSpan.Zero))
{
    private FeatureSwitches Switches => Core.Get<FeatureSwitches>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Switches.ChangeAsync(FeatureKeys.All.ToDictionary(f => f, FeatureKeys.DefaultOn), "reset");
    }

    [Fact]
    public async Task The_migration_seeds_every_switch_open_and_maintenance_off()
    {
        await using var db = Database.CreateContext();
        var rows = await db.FeatureSwitches.AsNoTracking().ToListAsync();

        Assert.Equal(FeatureKeys.All.Count, rows.Count);
        Assert.All(FeatureKeys.All, f => Assert.Equal(FeatureKeys.DefaultOn(f), rows.Single(r => r.Key == FeatureKeys.Key(f)).IsOn));
        Assert.False((await Switches.ReadAsync()).Maintenance);
    }

    [Fact]
    public async Task A_change_is_audited_with_who_when_old_and_new_and_a_repeat_changes_nothing()
    {
        var changes = new Dictionary<Feature, bool> { [Feature.Maintenance] = true, [Feature.Shop] = false, [Feature.Quick] = true };

        var first = await Switches.ChangeAsync(changes, "Anna Admin");
        var again = await Switches.ChangeAsync(changes, "Anna Admin");

        Assert.Equal([Feature.Maintenance, Feature.Shop], first.Changed.Select(c => c.Feature).Order());
        Assert.Empty(again.Changed);
        var read = await Switches.ReadAsync();
        Assert.True(read.Maintenance);
        Assert.False(read.Open(Feature.Shop));
        Assert.True(read.Open(Feature.Quick));
        await using var db = Database.CreateContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.FeatureSwitched && e.Actor == "Anna Admin").OrderBy(e => e.Subject).ToListAsync();
        Assert.Equal(["feature:maintenance", "feature:shop"], audit.Select(a => a.Subject));
        Assert.Equal(["aus → an", "an → aus"], audit.Select(a => a.Details));
        Assert.All(audit, a => Assert.Equal(Time.GetUtcNow(), a.At));
        var shop = (await Switches.ListAsync()).Single(s => s.Feature == Feature.Shop);
        Assert.Equal(("Anna Admin", Time.GetUtcNow()), (shop.ChangedBy, shop.ChangedAt));
        Assert.Contains(await Switches.HistoryAsync(), h => h.Subject == "feature:maintenance" && h.Actor == "Anna Admin");
    }

    [Fact]
    public async Task The_table_refuses_a_switch_it_does_not_know()
    {
        await using var db = Database.CreateContext();
        db.FeatureSwitches.Add(new FeatureSwitch { Key = "casino", IsOn = true, ChangedAt = Time.GetUtcNow(), ChangedBy = "x" });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("ck_feature_switches_key", error.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_changes_of_the_same_switch_audit_each_real_change_once()
    {
        var tasks = Enumerable.Range(0, 8).Select(i => Task.Run(() => Switches.ChangeAsync(new Dictionary<Feature, bool> { [Feature.Duels] = false }, $"op-{i}")));
        var results = await Task.WhenAll(tasks);

        Assert.Single(results, r => r.Changed.Count == 1);
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.FeatureSwitched && e.Subject == "feature:duels" && e.Details == "an → aus"));
    }
}
