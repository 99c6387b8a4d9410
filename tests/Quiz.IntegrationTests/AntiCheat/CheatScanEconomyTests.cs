using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Game.Duels;
using Quiz.IntegrationTests.Economy;
using Quiz.Testing;

namespace Quiz.IntegrationTests.AntiCheat;

/// <summary>RefundAbuse through the real purchase, consumption and refund use-cases; FreshCluster on duels against new accounts.</summary>
public sealed class CheatScanEconomyTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero))
{
    private EconomyKit Kit => new(Core);

    private async Task<Guid> BuyAsync(long player, long telegram, string package)
    {
        var result = await Kit.ConfirmAsync(EconomyKit.Payment(telegram, await Kit.InvoiceAsync(player, package)));
        return result.PurchaseId!.Value;
    }

    private async Task UseJokerAsync(long player)
    {
        await using var db = Database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        Assert.True(await Wallet.TryConsumeAsync(db, player, AssetKind.Joker, $"joker-test:{Guid.NewGuid():N}", null, Time.GetUtcNow(), default));
        await tx.CommitAsync();
    }

    private async Task<List<CheatFlag>> FlagsAsync(long player)
    {
        await using var db = Database.CreateContext();
        return await db.CheatFlags.AsNoTracking().Where(f => f.PlayerId == player).ToListAsync();
    }

    [Fact]
    public async Task Refunds_after_using_the_goods_twice_are_flagged_and_refunds_of_unused_goods_are_not()
    {
        var (abuser, abuserTelegram) = await Kit.NewPlayerAsync();
        var (regretful, regretfulTelegram) = await Kit.NewPlayerAsync();
        var first = await BuyAsync(abuser, abuserTelegram, "joker-5");
        await UseJokerAsync(abuser);
        Time.Advance(TimeSpan.FromHours(1));
        await Kit.RequestRefundAsync(first);
        Time.Advance(TimeSpan.FromDays(3));
        var second = await BuyAsync(abuser, abuserTelegram, "joker-5");
        await UseJokerAsync(abuser);
        await UseJokerAsync(abuser);
        Time.Advance(TimeSpan.FromHours(2));
        await Kit.RequestRefundAsync(second);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await Kit.RequestRefundAsync(await BuyAsync(regretful, regretfulTelegram, "joker-5"));
            Time.Advance(TimeSpan.FromHours(1));
        }

        var result = await Core.Get<CheatScan>().RunAsync();

        Assert.Equal(1, result.RefundAbuse);
        Assert.Empty(await FlagsAsync(regretful));
        var flag = Assert.Single(await FlagsAsync(abuser));
        var evidence = JsonDocument.Parse(flag.Evidence).RootElement;
        Assert.Equal((FlagKind.RefundAbuse, 2, 2), (flag.Kind, evidence.GetProperty("usedRefunds").GetInt32(), evidence.GetProperty("refunds").GetInt32()));
        Assert.Equal([1, 2], evidence.GetProperty("purchases").EnumerateArray().Select(p => p.GetProperty("usedBefore").GetInt32()));
        Assert.All(evidence.GetProperty("purchases").EnumerateArray(), p => Assert.Equal("joker", p.GetProperty("usedKinds").GetString()));
        Assert.Equal(0, (await Core.Get<CheatScan>().RunAsync()).RefundAbuse);
    }

    [Fact]
    public async Task A_player_who_beat_four_fresh_accounts_in_duels_is_flagged_and_one_who_beat_old_accounts_is_not()
    {
        var now = Time.GetUtcNow();
        var world = new SimulatedWorld(Database, new Random(3));
        world.AddQuestions(20, now.AddDays(-30), $"duel-{Guid.NewGuid():N}"[..20]);
        var farmer = world.AddPlayer(now.AddDays(-200));
        var veteran = world.AddPlayer(now.AddDays(-200));
        var fresh = Enumerable.Range(0, 4).Select(i => world.AddPlayer(now.AddHours(-20 + i))).ToList();
        var old = Enumerable.Range(0, 4).Select(_ => world.AddPlayer(now.AddDays(-90))).ToList();
        await world.SavePlayersAsync();
        var questions = world.Questions.Take(Duel.QuestionCount).ToList();
        void DuelOf(long winner, long loser, int n)
        {
            var set = world.AddSet(QuestionSetKind.Duel, $"{Guid.NewGuid():N}"[..10], questions, now);
            var at = now.AddHours(-4).AddMinutes(n * 10);
            var won = world.Play(winner, GameMode.Duel, set, questions, at, (_, q, _) => (q.Question.CorrectOption, 5000));
            var lost = world.Play(loser, GameMode.Duel, set, questions, at.AddMinutes(5), (_, q, _) => ((short)((q.Question.CorrectOption + 1) % 4), 5000));
            world.Duels.Add(new Duel
            {
                Id = Guid.NewGuid(), Code = set.Key, QuestionSetId = set.Id, ChallengerId = winner, ChallengerSessionId = won.Session.Id, OpponentId = loser,
                OpponentSessionId = lost.Session.Id, State = DuelState.Completed, CreatedAt = at, ExpiresAt = at.Add(Duel.AcceptWindow), AcceptedAt = at.AddMinutes(5),
                CompletedAt = lost.Session.FinishedAt,
            });
        }
        for (var i = 0; i < 4; i++)
        {
            DuelOf(farmer.Id, fresh[i].Id, i);
            DuelOf(veteran.Id, old[i].Id, i);
        }
        await world.SaveGamesAsync();

        await Core.Get<CheatScan>().RunAsync();

        Assert.Empty(await FlagsAsync(veteran.Id));
        var flag = Assert.Single(await FlagsAsync(farmer.Id), f => f.Kind == FlagKind.FreshCluster);
        var evidence = JsonDocument.Parse(flag.Evidence).RootElement;
        Assert.Equal(4, evidence.GetProperty("accounts").GetInt32());
        Assert.Equal(fresh.Select(p => p.Id).Order(), evidence.GetProperty("duels").EnumerateArray().Select(d => d.GetProperty("loser").GetInt64()).Order());
    }
}
