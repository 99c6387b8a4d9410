using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Bot.Handlers;
using Quiz.Bot.Tests.Tournaments;
using Quiz.Bot.Texts;
using Quiz.Bot.Transport;
using Quiz.Core.Economy;
using Quiz.Core.Features;
using Quiz.Core.Tournaments;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.Payments;

namespace Quiz.Bot.Tests.Features;

/// <summary>
/// The switches in the bot's update routing, as a change from the console reaches a replica (store, then the replica's
/// snapshot read): maintenance answers with one notice per chat and lets payments complete; a paused feature is gone
/// from the menu and <c>/hilfe</c> and its commands and buttons answer kindly while the rest plays on.
/// </summary>
public sealed class FeatureSwitchBotTests(BotHost host) : IClassFixture<BotHost>, IAsyncLifetime
{
    public Task InitializeAsync() => SwitchAsync([]);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every switch in its default position except <paramref name="changes"/>, then this replica reads them.</summary>
    private async Task SwitchAsync(Dictionary<Feature, bool> changes)
    {
        var positions = FeatureKeys.All.ToDictionary(f => f, f => changes.TryGetValue(f, out var on) ? on : FeatureKeys.DefaultOn(f));
        await host.Services.GetRequiredService<FeatureSwitches>().ChangeAsync(positions, "Anna Admin");
        await host.Services.GetRequiredService<FeatureSnapshot>().RefreshAsync();
    }

    private async Task<int> SessionsAsync(long player)
    {
        await using var db = host.Database.CreateContext();
        return await db.GameSessions.CountAsync(s => s.PlayerId == player);
    }

    [Fact]
    public async Task Maintenance_answers_a_chat_with_one_notice_per_interval_every_press_with_the_notice_and_starts_nothing()
    {
        var (chat, player) = await host.PlayerAsync("Mia");
        await SwitchAsync(new() { [Feature.Maintenance] = true });

        await host.CommandAsync(chat, "/spielen");
        await host.CommandAsync(chat, "/shop");
        await host.CommandAsync(chat, "Hallo?");
        Assert.Equal(De.Maintenance, await host.PressAsync(chat, GameButtons.Quick));
        Assert.Equal(De.Maintenance, await host.PressAsync(chat, Menus.Data(Menus.Help)));

        Assert.Equal([De.Maintenance], host.SentTo(chat).Select(m => m.Text));
        Assert.Equal(0, await SessionsAsync(player));

        host.Time.Advance(MaintenanceNotices.Interval);
        await host.CommandAsync(chat, "/start");
        Assert.Equal(2, host.SentTo(chat).Count(m => m.Text == De.Maintenance));

        await SwitchAsync([]);
        await host.CommandAsync(chat, "/spielen");
        Assert.Equal(1, await SessionsAsync(player));
        Assert.Contains("game:answer:", string.Join(' ', BotHost.Data(host.SentTo(chat)[^1])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_updates_of_one_chat_in_maintenance_get_one_notice()
    {
        var (chat, _) = await host.PlayerAsync("Rolf");
        await SwitchAsync(new() { [Feature.Maintenance] = true });
        var start = new TaskCompletionSource();

        var updates = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            await host.CommandAsync(chat, "/spielen");
        })).ToList();
        start.SetResult();
        await Task.WhenAll(updates);

        Assert.Single(host.SentTo(chat));
    }

    [Fact]
    public async Task A_payment_in_flight_completes_during_maintenance()
    {
        var (chat, player) = await host.PlayerAsync("Paula");
        InvoiceDraft invoice;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            invoice = (await scope.ServiceProvider.GetRequiredService<Shop>().InitPurchaseAsync(player, "joker-5"))!;
        }
        await SwitchAsync(new() { [Feature.Maintenance] = true, [Feature.Shop] = false });

        Assert.Null(await host.PreCheckoutAsync(chat, invoice.Payload, invoice.PriceStars));
        var paid = new SuccessfulPayment
        {
            Currency = "XTR", TotalAmount = invoice.PriceStars, InvoicePayload = invoice.Payload,
            TelegramPaymentChargeId = $"charge-{Guid.NewGuid():N}", ProviderPaymentChargeId = "",
        };
        await host.DeliverAsync(new Update
        {
            Id = Random.Shared.Next(1_000_000, int.MaxValue),
            Message = new Message { Id = 7, Date = DateTime.UtcNow, Chat = new Chat { Id = chat, Type = ChatType.Private }, From = new User { Id = chat, FirstName = "Paula" }, SuccessfulPayment = paid },
        });

        await using var db = host.Database.CreateContext();
        Assert.Equal(1, await db.Purchases.CountAsync(p => p.PlayerId == player && p.TelegramPaymentChargeId == paid.TelegramPaymentChargeId));
    }

    [Fact]
    public async Task A_paused_mode_and_the_shop_are_gone_from_menu_and_help_and_answer_kindly_while_the_rest_plays()
    {
        var (chat, player) = await host.PlayerAsync("Sven");
        await SwitchAsync(new() { [Feature.Survival] = false, [Feature.Shop] = false });

        await host.CommandAsync(chat, "/start");
        var menu = BotHost.Data(host.SentTo(chat)[^1]);
        Assert.DoesNotContain(GameButtons.Survival, menu);
        Assert.DoesNotContain(Menus.Data(Menus.Shop), menu);
        Assert.Contains(GameButtons.Quick, menu);
        await host.CommandAsync(chat, "/hilfe");
        var help = host.SentTo(chat)[^1].Text;
        Assert.DoesNotContain("/shop", help, StringComparison.Ordinal);
        Assert.DoesNotContain("Überleben (", help, StringComparison.Ordinal);
        Assert.Contains("/spielen", help, StringComparison.Ordinal);

        Assert.Equal(De.FeaturePaused(Feature.Survival), await host.PressAsync(chat, GameButtons.Survival));
        Assert.Equal(De.FeaturePaused(Feature.Shop), await host.PressAsync(chat, $"{ShopHandler.Area}:{ShopHandler.BuyAction}:joker-5"));
        await host.CommandAsync(chat, "/shop");
        Assert.Equal(De.FeaturePaused(Feature.Shop), host.SentTo(chat)[^1].Text);
        Assert.Equal(0, await SessionsAsync(player));

        Assert.Null(await host.PressAsync(chat, GameButtons.Quick));
        Assert.Equal(1, await SessionsAsync(player));
    }

    [Fact]
    public async Task Paused_tournaments_take_no_new_entrant_but_who_entered_still_plays()
    {
        var id = await host.TournamentAsync("Pausenturnier", TournamentEntryFee.Free);
        var (entrant, entrantId) = await host.PlayerAsync("Erna");
        var (late, lateId) = await host.PlayerAsync("Lars");
        Assert.Null(await host.PressAsync(entrant, TournamentButtons.Data(TournamentButtons.JoinAction, id)));
        await SwitchAsync(new() { [Feature.Tournaments] = false });
        Assert.Equal(TransitionOutcome.Changed, await host.Services.GetRequiredService<TournamentAdministration>().StartNowAsync(id, "Olga Operator"));

        Assert.Equal(De.FeaturePaused(Feature.Tournaments), await host.PressAsync(late, TournamentButtons.Data(TournamentButtons.PlayAction, id)));
        Assert.Equal(De.FeaturePaused(Feature.Tournaments), await host.PressAsync(late, TournamentButtons.List));
        Assert.Equal(0, await host.EntriesAsync(lateId));

        Assert.Null(await host.PressAsync(entrant, TournamentButtons.Data(TournamentButtons.PlayAction, id)));
        Assert.Equal(1, await SessionsAsync(entrantId));
    }

    [Fact]
    public async Task A_paused_feature_leaves_the_command_menu_and_comes_back_and_an_unchanged_menu_is_not_sent_again()
    {
        var menu = host.Services.GetRequiredService<CommandMenu>();
        await menu.SyncAsync();
        var before = host.Telegram.CommandMenus.Count;

        Assert.False(await menu.SyncAsync());
        await SwitchAsync(new() { [Feature.Duels] = false, [Feature.Shop] = false, [Feature.Maintenance] = true });
        Assert.True(await menu.SyncAsync());
        Assert.False(await menu.SyncAsync());
        await SwitchAsync([]);
        Assert.True(await menu.SyncAsync());

        var sent = host.Telegram.CommandMenus.Skip(before).Select(r => r.Commands.Select(c => c.Command).ToList()).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(De.Commands.Select(c => c.Command).Where(c => c is not ("duell" or "shop")), sent[0]);
        Assert.Equal(De.Commands.Select(c => c.Command), sent[1]);
    }
}
