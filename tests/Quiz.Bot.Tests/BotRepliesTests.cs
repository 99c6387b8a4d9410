using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Replies;
using Quiz.Bot.Telegram;
using Quiz.Core.Data;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.Bot.Tests;

/// <summary>
/// A direct reply never sits on the send budget inside an update's handling: past
/// <see cref="TelegramOptions.MaxReplyWaitMs"/> it goes to the outbox, and the chat's next
/// replies follow it there until the outbox has sent it, so the chat's order holds.
/// </summary>
public sealed class BotRepliesTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero))
{
    private readonly FakeTelegram telegram = new();
    private readonly SwitchLimiter limiter = new();

    private BotReplies Replies(ChatBacklog backlog)
    {
        var options = Options.Create(new TelegramOptions { MaxReplyWaitMs = 1200 });
        return new BotReplies(telegram, limiter, backlog, Core.Get<PlayerDirectory>(), Core.Get<IDbContextFactory<QuizDbContext>>(), options, Time,
            new BotMetrics(Core.Get<IMeterFactory>()), NullLogger<BotReplies>.Instance);
    }

    [Fact]
    public async Task A_reply_without_budget_goes_to_the_outbox_and_the_chats_next_replies_follow_it_until_it_is_sent()
    {
        var backlog = new ChatBacklog(Database.CreateFactory());
        var replies = Replies(backlog);
        var (chat, other) = (Random.Shared.NextInt64(1, long.MaxValue), Random.Shared.NextInt64(1, long.MaxValue));

        limiter.Free = false;
        Assert.Null(await replies.SendAsync(chat, "eins", null, CancellationToken.None));
        Assert.Equal(TimeSpan.FromMilliseconds(1200), limiter.LastMaxWait);
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

    /// <summary>Free or exhausted on demand; remembers the bound it was asked to wait within.</summary>
    private sealed class SwitchLimiter : ITelegramRateLimiter
    {
        public bool Free { get; set; } = true;
        public TimeSpan? LastMaxWait { get; private set; }

        public ValueTask AcquireAsync(long chatId, SendLane lane, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask<bool> TryAcquireAsync(long chatId, SendLane lane, TimeSpan maxWait, CancellationToken ct)
        {
            LastMaxWait = maxWait;
            return ValueTask.FromResult(Free);
        }
    }
}
