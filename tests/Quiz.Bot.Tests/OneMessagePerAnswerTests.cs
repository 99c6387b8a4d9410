using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Bot.Handlers;
using Quiz.Bot.Outbox;
using Quiz.Bot.Tests.Tournaments;
using Quiz.Bot.Texts;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Messaging;

namespace Quiz.Bot.Tests;

/// <summary>
/// Issue #14 item 1 (ADR 0013): an answer costs one chat message — the verdict quoted above the next question or the
/// result — and the messages edited later (50:50 joker, the clock's reveal) keep that verdict on top.
/// </summary>
public sealed class OneMessagePerAnswerTests(BotHost host) : IClassFixture<BotHost>
{
    private int ChatMessages(long chat) =>
        host.Telegram.Messages.Count(m => m.ChatId.Identifier == chat) + host.Telegram.Edits.Count(e => e.ChatId.Identifier == chat);

    /// <summary>The answer buttons of the chat's latest message and the session and ordinal they belong to.</summary>
    private async Task<(List<string> Buttons, Guid Session, int Ordinal, short Correct)> CurrentAsync(long chat)
    {
        var buttons = BotHost.Data(host.SentTo(chat)[^1]).Where(d => d.StartsWith("game:answer:", StringComparison.Ordinal)).ToList();
        var parts = buttons[0].Split(':');
        var (session, ordinal) = (Guid.ParseExact(parts[2], "N"), int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture));
        await using var db = host.Database.CreateContext();
        var correct = await db.SessionQuestions.Where(q => q.SessionId == session && q.Ordinal == ordinal).Select(q => q.CorrectPosition).SingleAsync();
        return (buttons, session, ordinal, correct);
    }

    private Task<string?> AnswerAsync(long chat, Guid session, int ordinal, int position) =>
        host.PressAsync(chat, $"game:answer:{session:N}:{ordinal}:{position}");

    [Fact]
    public async Task Every_answer_of_a_quick_game_sends_one_message_with_the_verdict_above_the_next_question_or_the_result()
    {
        var (chat, _) = await host.PlayerAsync("Jana");
        Assert.Null(await host.PressAsync(chat, GameButtons.Quick));
        for (var i = 0; i < 10; i++)
        {
            var (_, session, ordinal, correct) = await CurrentAsync(chat);
            var before = ChatMessages(chat);
            Assert.Null(await AnswerAsync(chat, session, ordinal, i == 0 ? (correct + 1) % 4 : correct));

            Assert.Equal(before + 1, ChatMessages(chat));
            var sent = host.SentTo(chat)[^1];
            Assert.StartsWith(i == 0 ? "<blockquote>❌ Leider falsch. Richtig ist " : "<blockquote>✅ Richtig! +", sent.Text);
            Assert.Contains("\n💡 ", sent.Text);
            Assert.Contains(i < 9 ? $"</blockquote>\nFrage {i + 2}/10 · " : "</blockquote>\n🏁 <b>Spiel beendet!</b>", sent.Text);
            Assert.Contains("q:report:", BotHost.Data(sent)[^1]);
        }
        Assert.DoesNotContain(host.Telegram.Edits, e => e.ChatId.Identifier == chat);
    }

    [Fact]
    public async Task A_press_on_an_answered_question_is_told_the_question_is_over_and_changes_nothing()
    {
        var (chat, player) = await host.PlayerAsync("Kai");
        Assert.Null(await host.PressAsync(chat, GameButtons.Survival));
        var (_, session, ordinal, correct) = await CurrentAsync(chat);
        Assert.Null(await AnswerAsync(chat, session, ordinal, correct));
        var before = ChatMessages(chat);

        Assert.Equal(De.QuestionPassed, await AnswerAsync(chat, session, ordinal, (correct + 1) % 4));

        Assert.Equal(before, ChatMessages(chat));
        await using var db = host.Database.CreateContext();
        Assert.Equal(1, await db.AnswerEvents.CountAsync(a => a.SessionId == session && a.PlayerId == player));
    }

    [Fact]
    public async Task The_joker_and_the_clocks_reveal_edit_the_question_and_keep_the_verdict_above_it()
    {
        var (chat, player) = await host.PlayerAsync("Lia");
        await using (var db = host.Database.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await Wallet.GrantAsync(db, player, AssetKind.Joker, 1, LedgerReason.Adjustment, $"test-joker:{Guid.NewGuid():N}", null, host.Time.GetUtcNow(), default);
            await tx.CommitAsync();
        }
        Assert.Null(await host.PressAsync(chat, GameButtons.Quick));
        var (_, session, ordinal, correct) = await CurrentAsync(chat);
        Assert.Null(await AnswerAsync(chat, session, ordinal, (correct + 1) % 4));
        var verdict = host.SentTo(chat)[^1].Text[..host.SentTo(chat)[^1].Text.IndexOf("</blockquote>", StringComparison.Ordinal)];

        Assert.Equal(De.JokerUsed, await host.PressAsync(chat, $"game:joker:{session:N}:{ordinal + 1}"));
        var joker = host.Telegram.Edits.Last(e => e.ChatId.Identifier == chat);
        Assert.StartsWith(verdict + "</blockquote>\nFrage 2/10 · ", joker.Text);
        Assert.Equal(2, joker.Text!.Split("<s>").Length - 1);
        Assert.Contains(joker.ReplyMarkup!.InlineKeyboard.Last(), b => b.Text == De.ButtonReport(1));

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Services.GetRequiredService<SessionTimeouts>().RunAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var reveal = (await scope.ServiceProvider.GetRequiredService<NoticeRenderer>()
            .RenderAsync(new NoticePayload(GameNotices.QuestionTimedOut, session, ordinal + 1), chat, default))!;
        Assert.StartsWith(verdict + "</blockquote>\nFrage 2/10 · ", reveal.Message.Text);
        Assert.Contains("⏱ Zeit abgelaufen. Richtig ist ", reveal.Message.Text);
        Assert.Contains(De.Paused, reveal.Message.Text);
        Assert.Equal(
            [[De.ButtonNext, De.ButtonReport(2)], [De.ButtonReport(1)]],
            reveal.Message.Buttons!.Select(row => row.Select(b => b.Text).ToArray()).ToArray());
    }
}
