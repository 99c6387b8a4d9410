using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quiz.Bot.Outbox;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Replies;
using Quiz.Bot.Telegram;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.Bot.Tests;

/// <summary>
/// A direct reply never sits on the send budget inside an update's handling: when its chat's own budget is not free now,
/// or the overall one not within <see cref="TelegramOptions.MaxReplyWaitMs"/>, it goes to the outbox at once and wakes
/// the dispatcher, and the chat's next replies follow it there until the outbox has sent it, so the chat's order holds.
/// </summary>
public sealed class BotRepliesTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero))
{
    /// <summary>Long enough for any database round trip; a reply that waited for its chat's budget on the fake clock would never return.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly FakeTelegram telegram = new();
    private readonly OutboxSignal signal = new();

    private BotReplies Replies(ITelegramRateLimiter limiter) =>
        new(BotParts.Sender(Core, telegram, limiter, new TelegramOptions { MaxReplyWaitMs = 1200 }, signal));

    [Fact]
    public async Task A_reply_without_budget_goes_to_the_outbox_and_the_chats_next_replies_follow_it_until_it_is_sent()
    {
        var limiter = new SwitchLimiter();
        var replies = Replies(limiter);
        var (chat, other) = (Random.Shared.NextInt64(1, long.MaxValue), Random.Shared.NextInt64(1, long.MaxValue));

        limiter.Free = false;
        Assert.Null(await replies.SendAsync(chat, "eins", null, CancellationToken.None));
        Assert.Equal((TimeSpan.FromMilliseconds(1200), TimeSpan.Zero), (limiter.LastMaxWait, limiter.LastMaxChatWait));
        limiter.Free = true;
        Assert.Null(await replies.SendAsync(chat, "zwei", null, CancellationToken.None));
        await replies.EditAsync(chat, 7, "drei", null, CancellationToken.None);
        Assert.Equal(99, await replies.SendAsync(other, "anderer Chat", null, CancellationToken.None));

        await using var db = Database.CreateContext();
        var queued = await db.OutboxMessages.Where(m => m.ChatId == chat).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([OutboxKinds.SendMessage, OutboxKinds.SendMessage, OutboxKinds.EditMessage], queued.Select(m => m.Kind));
        Assert.Equal(["eins", "zwei"], queued.Take(2).Select(m => OutboxWriter.ReadPayload<SendMessagePayload>(m.Payload).Text));
        Assert.Equal(["anderer Chat"], telegram.Messages.Select(m => m.Text));

        // The outbox sent them: the chat's replies go out directly again.
        await db.OutboxMessages.Where(m => m.ChatId == chat).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Sent).SetProperty(m => m.ProcessedAt, Time.GetUtcNow()));
        Assert.Equal(99, await replies.SendAsync(chat, "vier", null, CancellationToken.None));
        Assert.Equal(["anderer Chat", "vier"], telegram.Messages.Select(m => m.Text));
    }

    /// <summary>
    /// Issue #12 gap B: a flooding chat's replies used to wait up to a second each for the chat's budget while holding the
    /// webhook request, so its next commands came in slowly enough for the inbound bucket to refill. The real limiter on the
    /// test's fake clock: the burst goes out, the next reply is in the outbox without any wait, and the dispatcher is woken.
    /// </summary>
    [Fact]
    public async Task A_reply_past_its_chats_burst_goes_to_the_outbox_at_once_and_wakes_the_dispatcher()
    {
        var options = Options.Create(new TelegramOptions());
        var replies = Replies(new LocalTelegramRateLimiter(options, Time));
        var chat = Random.Shared.NextInt64(1, long.MaxValue);

        for (var i = 1; i <= 3; i++) Assert.Equal(99, await replies.SendAsync(chat, $"Antwort {i}", null, CancellationToken.None).WaitAsync(HangGuard));
        Assert.Null(await replies.SendAsync(chat, "Antwort 4", null, CancellationToken.None).WaitAsync(HangGuard));

        await signal.WaitAsync(Timeout.InfiniteTimeSpan, CancellationToken.None).WaitAsync(HangGuard);
        Assert.Equal(["Antwort 1", "Antwort 2", "Antwort 3"], telegram.Messages.Select(m => m.Text));
        await using var db = Database.CreateContext();
        var queued = await db.OutboxMessages.Where(m => m.ChatId == chat).Select(m => m.Payload).SingleAsync();
        Assert.Equal("Antwort 4", OutboxWriter.ReadPayload<SendMessagePayload>(queued).Text);
    }

    /// <summary>Free or exhausted on demand; remembers the bounds it was asked to wait within.</summary>
    private sealed class SwitchLimiter : ITelegramRateLimiter
    {
        public bool Free { get; set; } = true;
        public TimeSpan? LastMaxWait { get; private set; }
        public TimeSpan? LastMaxChatWait { get; private set; }

        public ValueTask AcquireAsync(long chatId, SendLane lane, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask<bool> TryAcquireAsync(long chatId, SendLane lane, TimeSpan maxWait, TimeSpan maxChatWait, CancellationToken ct)
        {
            (LastMaxWait, LastMaxChatWait) = (maxWait, maxChatWait);
            return ValueTask.FromResult(Free);
        }
    }
}
