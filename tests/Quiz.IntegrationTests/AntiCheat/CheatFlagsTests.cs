using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Audit;
using Quiz.Testing;

namespace Quiz.IntegrationTests.AntiCheat;

/// <summary>Raising is an upsert per (player, kind, subject), audited once; resolving is a compare-and-set with a required note.</summary>
public sealed class CheatFlagsTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero))
{
    private CheatFlags Flags => Core.Get<CheatFlags>();

    private async Task<long> NewPlayerAsync()
    {
        await using var db = Database.CreateContext();
        var player = TestData.Player(Time.GetUtcNow(), "Mira");
        db.Players.Add(player);
        await db.SaveChangesAsync();
        return player.Id;
    }

    private async Task<List<AuditEntry>> AuditAsync(long player)
    {
        await using var db = Database.CreateContext();
        return await AuditLog.ForSubjectAsync(db, AuditLog.Player(player));
    }

    [Fact]
    public async Task Eight_parallel_raises_of_the_same_signal_make_one_flag_and_one_audit_entry()
    {
        var player = await NewPlayerAsync();
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Flags.RaiseAsync(player, FlagKind.FastAnswers, "game:abc", 60 + i, $$"""{"fast":{{i}}}"""))));

        await using var db = Database.CreateContext();
        var flag = Assert.Single(await db.CheatFlags.Where(f => f.PlayerId == player).ToListAsync());
        Assert.All(ids, id => Assert.Equal(flag.Id, id));
        Assert.Equal(FlagStatus.Open, flag.Status);
        Assert.Single(await AuditAsync(player), e => e.Action == AuditActions.FlagRaised);
    }

    [Fact]
    public async Task Raising_again_updates_an_open_flag_but_not_a_resolved_one_and_another_subject_is_another_flag()
    {
        var player = await NewPlayerAsync();
        var id = await Flags.RaiseAsync(player, FlagKind.Lockstep, "set:1:partner:2", 55, """{"matches":6}""");
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(id, await Flags.RaiseAsync(player, FlagKind.Lockstep, "set:1:partner:2", 80, """{"matches":9}"""));
        Assert.Equal(FlagResolveResult.Done, await Flags.ResolveAsync(id, FlagStatus.Dismissed, "Geschwister am selben Tisch", "mod@example.org"));
        Assert.Equal(id, await Flags.RaiseAsync(player, FlagKind.Lockstep, "set:1:partner:2", 99, """{"matches":10}"""));
        var other = await Flags.RaiseAsync(player, FlagKind.Lockstep, "set:1:partner:3", 70, "{}");

        await using var db = Database.CreateContext();
        var flag = await db.CheatFlags.SingleAsync(f => f.Id == id);
        Assert.Equal((80, 9, FlagStatus.Dismissed), (flag.Score, JsonDocument.Parse(flag.Evidence).RootElement.GetProperty("matches").GetInt32(), flag.Status));
        Assert.Equal((Time.GetUtcNow().AddMinutes(-5), Time.GetUtcNow()), (flag.RaisedAt, flag.UpdatedAt));
        Assert.NotEqual(id, other);
        Assert.Equal(2, (await AuditAsync(player)).Count(e => e.Action == AuditActions.FlagRaised));
    }

    [Fact]
    public async Task Resolving_needs_a_note_happens_once_and_is_audited_with_its_verdict()
    {
        var player = await NewPlayerAsync();
        var dismissed = await Flags.RaiseAsync(player, FlagKind.SteadyPerfect, "day:2026-12-06", 70, "{}");
        var confirmed = await Flags.RaiseAsync(player, FlagKind.FastAnswers, "game:1", 90, "{}");

        Assert.Equal(FlagResolveResult.NoteRequired, await Flags.ResolveAsync(dismissed, FlagStatus.Dismissed, "  ", "mod"));
        Assert.Equal(FlagResolveResult.Done, await Flags.ResolveAsync(dismissed, FlagStatus.Dismissed, "Ein Profi, Zeiten passen", "mod"));
        Assert.Equal(FlagResolveResult.AlreadyResolved, await Flags.ResolveAsync(dismissed, FlagStatus.Confirmed, "doch nicht", "admin"));
        Assert.Equal(FlagResolveResult.Done, await Flags.ResolveAsync(confirmed, FlagStatus.Confirmed, "Bot, 200 ms", "admin"));
        Assert.Equal(FlagResolveResult.NotFound, await Flags.ResolveAsync(-1, FlagStatus.Confirmed, "x", "admin"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Flags.ResolveAsync(confirmed, FlagStatus.Open, "x", "admin"));

        await using var db = Database.CreateContext();
        var flags = await db.CheatFlags.Where(f => f.PlayerId == player).OrderBy(f => f.Id).ToListAsync();
        Assert.Equal(
            [(FlagStatus.Dismissed, "mod", "Ein Profi, Zeiten passen"), (FlagStatus.Confirmed, "admin", "Bot, 200 ms")],
            flags.Select(f => (f.Status, f.ResolvedBy!, f.ResolutionNote!)));
        var audit = await AuditAsync(player);
        Assert.Equal([("mod", AuditActions.FlagDismissed), ("admin", AuditActions.FlagConfirmed)],
            audit.Where(e => e.Action != AuditActions.FlagRaised).Select(e => (e.Actor, e.Action)));
    }

    [Fact]
    public async Task Parallel_resolutions_of_one_flag_decide_once()
    {
        var player = await NewPlayerAsync();
        var id = await Flags.RaiseAsync(player, FlagKind.RefundAbuse, "refunds", 60, "{}");
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => Flags.ResolveAsync(id, i % 2 == 0 ? FlagStatus.Confirmed : FlagStatus.Dismissed, $"Notiz {i}", $"mod{i}"))));

        Assert.Single(results, r => r == FlagResolveResult.Done);
        Assert.Equal(5, results.Count(r => r == FlagResolveResult.AlreadyResolved));
        Assert.Single(await AuditAsync(player), e => e.Action is AuditActions.FlagDismissed or AuditActions.FlagConfirmed);
    }

    [Fact]
    public async Task A_manual_flag_is_new_each_time_keeps_the_note_and_names_the_moderator()
    {
        var player = await NewPlayerAsync();
        var first = await Flags.RaiseManualAsync(player, "Meldung aus dem Support", "mod@example.org");
        var second = await Flags.RaiseManualAsync(player, "Noch eine", "mod@example.org");

        Assert.NotEqual(first, second);
        Assert.Equal(0, await Flags.RaiseManualAsync(long.MaxValue, "niemand", "mod"));
        Assert.Equal(0, await Flags.RaiseAsync(long.MaxValue, FlagKind.FastAnswers, "game:x", 50, "{}"));
        await using var db = Database.CreateContext();
        var flag = await db.CheatFlags.SingleAsync(f => f.Id == first);
        Assert.Equal((FlagKind.Manual, CheatFlags.ManualScore), (flag.Kind, flag.Score));
        Assert.Equal("Meldung aus dem Support", JsonDocument.Parse(flag.Evidence).RootElement.GetProperty("note").GetString());
        Assert.Equal(2, (await AuditAsync(player)).Count(e => e.Action == AuditActions.FlagRaised && e.Actor == "mod@example.org"));
    }

    [Fact]
    public async Task Evidence_must_be_json()
    {
        var player = await NewPlayerAsync();
        await Assert.ThrowsAnyAsync<JsonException>(() => Flags.RaiseAsync(player, FlagKind.FastAnswers, "game:1", 50, "not json"));
    }

    [Fact]
    public async Task With_a_hold_score_a_flag_at_or_above_it_holds_the_player_out_of_rankings_and_below_it_does_not()
    {
        await using var core = Database.Core(Time, new Dictionary<string, string?> { ["AntiCheat:HoldScore"] = "80" });
        var flags = core.Get<CheatFlags>();
        var low = await NewPlayerAsync();
        var high = await NewPlayerAsync();

        await flags.RaiseAsync(low, FlagKind.SteadyPerfect, "day:2026-12-06", 79, "{}");
        await flags.RaiseAsync(high, FlagKind.FastAnswers, "game:1", 80, "{}");

        await using var db = Database.CreateContext();
        var players = await db.Players.Where(p => p.Id == low || p.Id == high).ToDictionaryAsync(p => p.Id);
        Assert.Null(players[low].RankingHeldAt);
        Assert.Equal(Time.GetUtcNow(), players[high].RankingHeldAt);
        Assert.Contains("FastAnswers", players[high].RankingHoldReason);
        Assert.Contains(await AuditAsync(high), e => e.Action == AuditActions.PlayerRankingHeld && e.Actor == CheatFlags.DetectorActor);
    }

    [Fact]
    public async Task Without_a_hold_score_no_flag_holds_anyone()
    {
        var player = await NewPlayerAsync();
        await Flags.RaiseAsync(player, FlagKind.FastAnswers, "game:1", 100, "{}");

        await using var db = Database.CreateContext();
        Assert.Null((await db.Players.SingleAsync(p => p.Id == player)).RankingHeldAt);
    }
}
