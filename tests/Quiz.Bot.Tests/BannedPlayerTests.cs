using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Bot.Handlers;
using Quiz.Bot.Outbox;
using Quiz.Bot.Tests.Tournaments;
using Quiz.Bot.Texts;
using Quiz.Core.AntiCheat;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Tournaments;

namespace Quiz.Bot.Tests;

/// <summary>
/// A ban set by the console (another process: its own services and context on the same database) counts on the
/// bot's next update: one polite notice a day, then silence; support and data protection stay open; no purchase.
/// </summary>
public sealed class BannedPlayerTests(BotHost host) : IClassFixture<BotHost>
{
    private async Task BanAsync(long player)
    {
        await using var console = host.Database.Core(host.Time);
        Assert.Equal(ModerationResult.Done, await console.Get<PlayerModeration>().BanAsync(player, "Antworten in 200 ms", "Mona Moderatorin"));
    }

    private async Task<int> AnswersAsync(long player)
    {
        await using var db = host.Database.CreateContext();
        return await db.AnswerEvents.CountAsync(a => a.PlayerId == player);
    }

    [Fact]
    public async Task A_ban_from_the_console_counts_on_the_next_update_with_one_notice_then_silence()
    {
        var (chat, player) = await host.PlayerAsync("Bodo");
        await host.CommandAsync(chat, "/spielen");
        var answer = BotHost.Data(host.SentTo(chat)[^1]).First(d => d.StartsWith("game:answer:", StringComparison.Ordinal));

        await BanAsync(player);

        Assert.Null(await host.PressAsync(chat, answer));
        Assert.Equal(De.Banned, host.SentTo(chat)[^1].Text);
        Assert.Equal(0, await AnswersAsync(player));
        var sent = host.SentTo(chat).Count;
        await host.CommandAsync(chat, "/spielen");
        await host.CommandAsync(chat, "/shop");
        await host.CommandAsync(chat, "Hallo?");
        Assert.Null(await host.PressAsync(chat, $"{ShopHandler.Area}:{ShopHandler.BuyAction}:joker-5"));
        Assert.Equal(sent, host.SentTo(chat).Count);
        await using (var db = host.Database.CreateContext())
        {
            Assert.False(await db.Invoices.AnyAsync(i => i.PlayerId == player));
        }

        // The way to appeal stays open.
        await host.CommandAsync(chat, "/paysupport");
        Assert.Equal(De.SupportPrompt, host.SentTo(chat)[^1].Text);
        await host.CommandAsync(chat, "Ich habe nicht geschummelt, bitte prüft das noch einmal.");
        Assert.StartsWith("📨 Danke!", host.SentTo(chat)[^1].Text, StringComparison.Ordinal);

        host.Time.Advance(TimeSpan.FromDays(1));
        await host.CommandAsync(chat, "/spielen");
        Assert.Equal(2, host.SentTo(chat).Count(m => m.Text == De.Banned));
    }

    [Fact]
    public async Task Eight_parallel_updates_of_a_banned_player_get_one_notice_and_every_press_an_answer()
    {
        var (chat, player) = await host.PlayerAsync("Rita");
        await BanAsync(player);
        var start = new TaskCompletionSource();

        var updates = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            if (i % 2 == 0)
            {
                await host.CommandAsync(chat, "/spielen");
                return "command";
            }
            return await host.PressAsync(chat, GameButtons.Quick);
        })).ToList();
        start.SetResult();
        var presses = await Task.WhenAll(updates);

        Assert.Single(host.SentTo(chat), m => m.Text == De.Banned);
        Assert.Single(host.SentTo(chat));
        Assert.Equal(4, presses.Count(p => p is null));
    }

    [Fact]
    public async Task Pre_checkout_refuses_a_banned_players_open_invoice_with_a_polite_reason()
    {
        var (chat, player) = await host.PlayerAsync("Paul");
        InvoiceDraft invoice;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            invoice = (await scope.ServiceProvider.GetRequiredService<Shop>().InitPurchaseAsync(player, "joker-5"))!;
        }
        Assert.Null(await host.PreCheckoutAsync(chat, invoice.Payload, invoice.PriceStars));

        await BanAsync(player);

        Assert.Equal(De.PreCheckoutRefused(PreCheckoutVerdict.Banned), await host.PreCheckoutAsync(chat, invoice.Payload, invoice.PriceStars));
        Assert.Contains("gesperrt", De.PreCheckoutRefused(PreCheckoutVerdict.Banned), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notices_written_before_the_ban_say_nothing_about_tournaments_but_still_confirm_a_purchase()
    {
        var id = await host.TournamentAsync("Sperrturnier", TournamentEntryFee.Free);
        var (chat, player) = await host.PlayerAsync("Tina");
        Assert.Null(await host.PressAsync(chat, $"turnier:join:{id:N}"));
        Assert.Equal(TransitionOutcome.Changed, await host.Services.GetRequiredService<TournamentAdministration>().StartNowAsync(id, "Olga Operator"));
        Guid purchase;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var invoice = (await scope.ServiceProvider.GetRequiredService<Shop>().InitPurchaseAsync(player, "joker-5"))!;
            purchase = (await scope.ServiceProvider.GetRequiredService<PurchaseConfirmation>().ConfirmAsync(
                new PaymentReceived(chat, invoice.Payload, "XTR", invoice.PriceStars, $"charge-{Guid.NewGuid():N}"))).PurchaseId!.Value;
        }
        var started = new NoticePayload(TournamentNotices.Started, SubjectId: id);
        Assert.NotNull(await RenderAsync(started, chat));

        await BanAsync(player);

        Assert.Null(await RenderAsync(started, chat));
        Assert.NotNull(await RenderAsync(new NoticePayload(EconomyNotices.PurchaseCompleted, SubjectId: purchase), chat));
    }

    private async Task<RenderedNotice?> RenderAsync(NoticePayload notice, long chat)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NoticeRenderer>().RenderAsync(notice, chat, default);
    }
}
