using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Economy;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>A tournament's own reward tiers: checked in German, kept while DRAFT or SCHEDULED, and paid by the real finish and reward step.</summary>
public sealed class TournamentRewardTierTests(PostgresDatabase database) : GameKitTests(database)
{
    /// <summary>Platz 1: an Extra-Leben; Platz 3: 4 Spiele; the best half: a Joker — rank 2 falls to the share, ranks 4 and 5 get nothing.</summary>
    public static readonly IReadOnlyList<RewardTier> Own =
    [
        RewardTier.Places(1, 1, new RewardContents(ExtraLives: 1)),
        RewardTier.Places(3, 3, new RewardContents(Games: 4)),
        RewardTier.Top(50, new RewardContents(Jokers: 1)),
    ];

    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task Tiers_that_overlap_grant_nothing_or_name_an_impossible_share_are_refused_in_German_and_nothing_is_stored()
    {
        var now = Time.GetUtcNow();
        IReadOnlyList<RewardTier> wrong =
        [
            RewardTier.Places(1, 3, new RewardContents(Jokers: 1)),
            RewardTier.Places(3, 5, new RewardContents()),
            RewardTier.Top(0, new RewardContents(Games: 1)),
            RewardTier.Top(101, new RewardContents(Games: 101)),
            RewardTier.Places(4, 2, new RewardContents(Jokers: 1)),
        ];

        var created = await T.Admin().CreateAsync(new TournamentDraft("Falsch", now.AddHours(1), now.AddHours(2), TournamentEntryFee.Free, 5, wrong), TournamentKit.Operator);
        var none = await T.Admin().CreateAsync(new TournamentDraft("Leer", now.AddHours(1), now.AddHours(2), TournamentEntryFee.Free, 5, []), TournamentKit.Operator);

        Assert.Equal(
        [
            "Stufe 2: Der Gewinn ist leer – mindestens ein Turnier-Ticket, Joker, Extra-Leben oder Spiel.",
            "Stufe 3: Der Anteil muss zwischen 1 und 100 % liegen.",
            "Stufe 4: Der Anteil muss zwischen 1 und 100 % liegen.",
            "Stufe 4: Jede Menge liegt zwischen 0 und 100.",
            "Stufe 5: Die Plätze gehen von 1 bis 100.000, und „bis“ liegt nicht vor „von“.",
            "Stufe 1 und Stufe 2 überschneiden sich (Platz 3).",
        ], created.Errors);
        Assert.Equal([RewardTierRules.NoTiers], none.Errors);
        await using var db = T.Context();
        Assert.False(await db.Tournaments.AnyAsync(t => t.Title == "Falsch" || t.Title == "Leer"));
    }

    [Fact]
    public async Task Tiers_change_while_scheduled_are_audited_and_are_fixed_once_the_tournament_runs()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3, title: "Stufen");
        var t = await T.LoadAsync(id);
        Assert.Null(t.RewardTiers);
        var draft = new TournamentDraft(t.Title, t.StartsAt, t.EndsAt, t.EntryFee, t.QuestionCount, Own);

        Assert.True((await T.Admin().EditAsync(id, draft, TournamentKit.Operator)).Succeeded);
        Assert.Equal(Own, (await T.LoadAsync(id)).RewardTiers);
        // Without tiers an edit keeps them (the API's optional field).
        Assert.Equal(TransitionOutcome.NoChange, (await T.Admin().EditAsync(id, draft with { RewardTiers = null }, TournamentKit.Operator)).Outcome);
        await T.Admin().StartNowAsync(id, TournamentKit.Operator);
        var late = await T.Admin().EditAsync(id, draft with { RewardTiers = TournamentRewards.All }, TournamentKit.Operator);

        Assert.Equal([TournamentRules.NotEditable], late.Errors);
        Assert.Equal(Own, (await T.LoadAsync(id)).RewardTiers);
        await using var db = T.Context();
        var edited = Assert.Single(await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id)), a => a.Action == AuditActions.TournamentEdited);
        Assert.Equal("Gewinne: Platz 1: 2 Tickets, 5 Joker | Platz 2–3: 1 Ticket, 3 Joker | Top 10 %: 2 Joker → "
            + "Platz 1: 1 Extra-Leben | Platz 3: 4 Spiele | Top 50 %: 1 Joker", edited.Details);
    }

    [Fact]
    public async Task The_finish_and_racing_reward_workers_pay_the_tournaments_own_tiers_once()
    {
        var now = Time.GetUtcNow();
        var created = await T.Admin().CreateAsync(new TournamentDraft("Eigene Gewinne", now.AddHours(1), now.AddHours(3), TournamentEntryFee.Free, 5, Own), TournamentKit.Operator);
        var id = created.Id!.Value;
        Assert.True((await T.Admin().ScheduleAsync(id, TournamentKit.Operator)).Succeeded);
        var players = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            players.Add(await Kit.NewPlayerAsync($"S{i}"));
            await T.JoinAsync(players[i], id);
        }
        Time.Advance(TimeSpan.FromHours(1));
        await T.ClockAsync();
        foreach (var (p, i) in players.Select((p, i) => (p, i)))
        {
            await Kit.PlayAsync((await T.PlayAsync(p, id)).SessionId!.Value, p, ordinal => ordinal < 5 - i, TimeSpan.FromSeconds(1 + i));
        }
        Time.Advance(TimeSpan.FromHours(2));
        await T.ClockAsync();
        Assert.Equal(TournamentState.Finished, (await T.LoadAsync(id)).State);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => T.RewardAsync(id))));

        Assert.Equal(TournamentState.Rewarded, (await T.LoadAsync(id)).State);
        await using var db = T.Context();
        var results = await db.TournamentResults.Where(r => r.TournamentId == id).OrderBy(r => r.Rank).Select(r => new { r.PlayerId, r.Reward }).ToListAsync();
        Assert.Equal(players, results.Select(r => r.PlayerId));
        Assert.Equal(["Platz 1", "Top 50 %", "Platz 3", null, null], results.Select(r => r.Reward));
        var paid = await db.LedgerEntries.Where(l => l.Reason == LedgerReason.Reward && l.IdempotencyKey.StartsWith($"tournament-reward:{id:N}:"))
            .Select(l => new { l.PlayerId, l.Kind, l.Delta }).ToListAsync();
        Assert.Equal(
            new[] { (players[0], AssetKind.ExtraLife, 1), (players[1], AssetKind.Joker, 1), (players[2], AssetKind.GameCredit, 4) }.Order(),
            paid.Select(l => (l.PlayerId, l.Kind, l.Delta)).Order());
        Assert.Equal(1, await T.HeldAsync(players[0], AssetKind.ExtraLife));
        Assert.Equal(1, await T.HeldAsync(players[1], AssetKind.Joker));
        Assert.Equal(0, await T.HeldAsync(players[3], AssetKind.Joker));
    }
}
