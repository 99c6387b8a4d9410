using Microsoft.EntityFrameworkCore;
using Quiz.Bot.Handlers;
using Quiz.Bot.Tests.Tournaments;
using Quiz.Bot.Texts;

namespace Quiz.Bot.Tests;

/// <summary>A ban ends playing, not the rights of data protection: a banned player still reads, exports and deletes.</summary>
public sealed class BannedPrivacyTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task A_banned_player_may_not_play_but_gets_their_data_and_deletes_the_account()
    {
        var (chat, player) = await host.PlayerAsync("Bodo");
        await using (var db = host.Database.CreateContext())
        {
            await db.Players.Where(p => p.Id == player).ExecuteUpdateAsync(s => s.SetProperty(p => p.BannedAt, host.Time.GetUtcNow()));
        }

        await host.CommandAsync(chat, "/spielen");
        Assert.Equal(De.Banned, host.SentTo(chat)[^1].Text);
        Assert.Null(await host.PressAsync(chat, GameButtons.Quick));
        Assert.Single(host.SentTo(chat), m => m.Text == De.Banned);

        await host.CommandAsync(chat, "/datenschutz");
        Assert.Equal(De.Privacy, host.SentTo(chat)[^1].Text);
        await host.CommandAsync(chat, "/meinedaten");
        Assert.Contains(host.Telegram.Documents, d => d.Request.ChatId.Identifier == chat);
        await host.CommandAsync(chat, "/loeschen");
        var confirm = BotHost.Data(host.SentTo(chat)[^1]).Single(d => d.StartsWith($"{PrivacyHandler.Area}:{PrivacyHandler.ConfirmAction}:", StringComparison.Ordinal));
        Assert.NotEqual(De.Banned, await host.PressAsync(chat, confirm));

        await using var check = host.Database.CreateContext();
        Assert.NotNull((await check.Players.SingleAsync(p => p.Id == player)).DeletedAt);
    }
}
