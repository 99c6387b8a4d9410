using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quiz.Bot.Inbound;
using Quiz.Bot.Tests.Tournaments;
using Quiz.Bot.Texts;
using Quiz.Bot.Transport;
using StackExchange.Redis;

namespace Quiz.Bot.Tests;

/// <summary>Inbound budgets per player (issue #12, item 1), with the bot's real registrations and the shared Redis.</summary>
public sealed class InboundLimitTests(BotHost host) : IClassFixture<BotHost>
{
    private static int nextUpdate = Random.Shared.Next(3_000_000, 4_000_000);

    private static int UpdateId() => Interlocked.Increment(ref nextUpdate);

    [Fact]
    public async Task A_flood_of_25_commands_gets_5_replies_and_one_notice_and_others_are_served()
    {
        var (flooder, _) = await host.PlayerAsync("Flo");
        var (other, _) = await host.PlayerAsync("Olga");

        var outcomes = new List<UpdateOutcome>();
        for (var i = 0; i < 25; i++) outcomes.Add(await host.DeliverAsync(host.Command(flooder, "/hilfe", UpdateId())));

        Assert.Equal(5, outcomes.Count(o => o == UpdateOutcome.Handled));
        Assert.Equal(20, outcomes.Count(o => o == UpdateOutcome.Throttled));
        var sent = host.SentTo(flooder);
        Assert.Equal(6, sent.Count);
        Assert.Single(sent, m => m.Text == De.SlowDown);
        Assert.Equal(UpdateOutcome.Handled, await host.DeliverAsync(host.Command(other, "/hilfe", UpdateId())));
        Assert.DoesNotContain(host.SentTo(other), m => m.Text == De.SlowDown);
    }

    [Fact]
    public async Task A_flood_that_arrives_slowly_stays_silent_until_it_stops_for_the_pause()
    {
        var (flooder, _) = await host.PlayerAsync("Sina");
        for (var i = 0; i < 5; i++) Assert.Equal(UpdateOutcome.Handled, await host.DeliverAsync(host.Command(flooder, "/hilfe", UpdateId())));
        Assert.Equal(UpdateOutcome.Throttled, await host.DeliverAsync(host.Command(flooder, "/hilfe", UpdateId())));

        // Telegram hands a chat's updates over one after another; by now the bucket holds a token again (one every 2 s),
        // but the flood has not stopped, so the pause (10 s, counted again from each refused command) still holds.
        for (var i = 0; i < 2; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            Assert.Equal(UpdateOutcome.Throttled, await host.DeliverAsync(host.Command(flooder, "/hilfe", UpdateId())));
        }
        Assert.Equal(6, host.SentTo(flooder).Count);
    }

    [Fact]
    public async Task A_redelivered_command_draws_from_the_budget_once()
    {
        var (player, _) = await host.PlayerAsync("Rita");
        var command = host.Command(player, "/hilfe", UpdateId());

        // Telegram delivers an update again when a replica answered 503 while another one held its claim.
        var outcomes = new List<UpdateOutcome>();
        for (var i = 0; i < 6; i++) outcomes.Add(await host.DeliverAsync(command));
        for (var i = 0; i < 4; i++) outcomes.Add(await host.DeliverAsync(host.Command(player, "/hilfe", UpdateId())));

        Assert.DoesNotContain(UpdateOutcome.Throttled, outcomes);
        Assert.Equal(5, outcomes.Count(o => o == UpdateOutcome.Handled));
        Assert.Equal(5, host.SentTo(player).Count);
        Assert.Equal(UpdateOutcome.Throttled, await host.DeliverAsync(host.Command(player, "/hilfe", UpdateId())));
    }

    [Fact]
    public async Task Presses_over_budget_are_answered_once_with_the_notice_and_change_nothing()
    {
        var (presser, _) = await host.PlayerAsync("Paul");
        var presses = Enumerable.Range(0, 20).Select(_ => host.Press(presser, "menu:main", UpdateId())).ToList();

        var outcomes = new List<UpdateOutcome>();
        foreach (var press in presses) outcomes.Add(await host.DeliverAsync(press));

        Assert.Equal(12, outcomes.Count(o => o == UpdateOutcome.Handled));
        Assert.Equal(8, outcomes.Count(o => o == UpdateOutcome.Throttled));
        var ours = presses.Select(p => p.CallbackQuery!.Id).ToHashSet();
        var answers = host.Telegram.CallbackAnswers.Where(a => ours.Contains(a.CallbackQueryId)).ToList();
        Assert.Single(answers, a => a.Text == De.SlowDown);
        Assert.Equal(13, answers.Count);
    }

    [Fact]
    public async Task Invoices_have_their_own_smaller_budget()
    {
        var (buyer, _) = await host.PlayerAsync("Bea");

        var outcomes = new List<UpdateOutcome>();
        for (var i = 0; i < 5; i++) outcomes.Add(await host.DeliverAsync(host.Press(buyer, "shop:buy:spiele-10", UpdateId())));

        Assert.Equal(3, outcomes.Count(o => o == UpdateOutcome.Handled));
        Assert.Equal(2, outcomes.Count(o => o == UpdateOutcome.Throttled));
    }

    [Fact]
    public async Task Without_redis_each_replica_still_limits_on_its_own()
    {
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=200,syncTimeout=200,asyncTimeout=200");
        using var limiter = new InboundLimiter(unreachable, Options.Create(new InboundLimitOptions()), TimeProvider.System,
            host.Services.GetRequiredService<BotMetrics>(), NullLogger<InboundLimiter>.Instance);

        var verdicts = new List<InboundVerdict>();
        for (var i = 0; i < 25; i++) verdicts.Add(await limiter.JudgeAsync(UpdateId(), 42, [InboundKind.Command], default));

        Assert.Equal(5, verdicts.Count(v => v.Admitted));
        Assert.Single(verdicts, v => v.NoticeDue);
        Assert.True(verdicts[5].NoticeDue);
    }

    [Fact]
    public async Task An_update_is_judged_in_one_redis_round_trip_admitted_or_refused_with_its_notice()
    {
        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>();
        var counting = CountingRedis.Wrap(redis);
        using var limiter = new InboundLimiter(counting.Multiplexer, Options.Create(new InboundLimitOptions()), TimeProvider.System,
            host.Services.GetRequiredService<BotMetrics>(), NullLogger<InboundLimiter>.Instance);
        var buyer = Random.Shared.NextInt64(1_000_000, long.MaxValue);

        var verdicts = new List<InboundVerdict>();
        var calls = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var before = counting.Calls;
            verdicts.Add(await limiter.JudgeAsync(UpdateId(), buyer, [InboundKind.Button, InboundKind.Invoice], default));
            calls.Add(counting.Calls - before);
        }

        Assert.Equal([true, true, true, false, false], verdicts.Select(v => v.Admitted));
        Assert.Equal([false, false, false, true, false], verdicts.Select(v => v.NoticeDue));
        Assert.All(calls, c => Assert.Equal(1, c));
    }
}
