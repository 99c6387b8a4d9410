using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Bot.Handlers;
using Quiz.Bot.Tests.Tournaments;
using Quiz.Bot.Transport;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.Payments;

namespace Quiz.Bot.Tests;

/// <summary>
/// Handling cut off right after its first commit (a shutdown deadline, a failure after the commit),
/// then Telegram's redelivery of the same update (issue #11, item 2): the effects happen once and the
/// player still sees what comes next.
/// </summary>
public sealed class RedeliveryTests(BotHost host) : IClassFixture<BotHost>
{
    private static int nextUpdate = Random.Shared.Next(1_000_000, 2_000_000);

    private static int UpdateId() => Interlocked.Increment(ref nextUpdate);

    /// <summary>The first delivery is cut off after its commit and given back; the redelivery resumes it; a third is a duplicate.</summary>
    private async Task CutOffThenRedeliverAsync(Update update)
    {
        Assert.Equal(UpdateOutcome.RetryLater, await host.DeliverAsync(update, host.Trap.Arm()));
        Assert.True(host.Trap.Sprung);
        Assert.Equal(UpdateOutcome.Resumed, await host.DeliverAsync(update));
        Assert.Equal(UpdateOutcome.Duplicate, await host.DeliverAsync(update));
    }

    [Fact]
    public async Task A_start_cut_off_after_its_commit_takes_one_credit_and_the_redelivery_sends_the_first_question()
    {
        var (chat, player) = await host.PlayerAsync("Gabi");
        await UseTheFreeGamesAsync(player);
        await GrantAsync(player, AssetKind.GameCredit, 2);

        await CutOffThenRedeliverAsync(host.Press(chat, GameButtons.Quick, UpdateId()));

        await using var db = host.Database.CreateContext();
        Assert.Equal(1, await db.GameSessions.CountAsync(s => s.PlayerId == player && s.State == SessionState.Active));
        Assert.Equal(1, await CreditsAsync(player));
        Assert.StartsWith("Frage 1/", host.SentTo(chat)[^1].Text);
    }

    [Fact]
    public async Task A_Tagesquiz_start_cut_off_after_its_commit_keeps_the_days_attempt_and_the_redelivery_sends_the_first_question()
    {
        var (chat, player) = await host.PlayerAsync("Dora");

        await CutOffThenRedeliverAsync(host.Press(chat, GameButtons.Daily, UpdateId()));

        await using var db = host.Database.CreateContext();
        var session = await db.GameSessions.SingleAsync(s => s.PlayerId == player);
        Assert.Equal(GameMode.Daily, session.Mode);
        Assert.Equal(SessionState.Active, session.State);
        Assert.StartsWith("Frage 1/", host.SentTo(chat)[^1].Text);
        Assert.DoesNotContain(host.SentTo(chat), m => m.Text.Contains("schon gespielt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_cut_off_after_its_commit_counts_once_and_the_redelivery_shows_the_verdict_and_the_next_question()
    {
        var (chat, player) = await host.PlayerAsync("Anton");
        Assert.Equal(UpdateOutcome.Handled, await host.DeliverAsync(host.Press(chat, GameButtons.Quick, UpdateId())));
        var button = BotHost.Data(host.SentTo(chat)[^1]).First(d => d.StartsWith("game:answer:", StringComparison.Ordinal));
        var session = Guid.ParseExact(button.Split(':')[2], "N");

        await CutOffThenRedeliverAsync(host.Press(chat, button, UpdateId()));

        await using var db = host.Database.CreateContext();
        var answer = await db.AnswerEvents.SingleAsync(a => a.SessionId == session);
        Assert.Equal(0, answer.Ordinal);
        Assert.Equal(answer.Points, (await db.GameSessions.SingleAsync(s => s.Id == session)).Score);
        // The redelivery sends the one message of this answer: the verdict above the next question.
        Assert.Matches("^<blockquote>(✅|❌)[^\n]*\n💡 [^\n]*</blockquote>\nFrage 2/", host.SentTo(chat)[^1].Text);
        Assert.Equal(player, answer.PlayerId);
    }

    [Fact]
    public async Task A_payment_cut_off_after_its_commit_grants_once_and_thanks_once()
    {
        var (chat, player) = await host.PlayerAsync("Paula");
        InvoiceDraft invoice;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            invoice = (await scope.ServiceProvider.GetRequiredService<Shop>().InitPurchaseAsync(player, "spiele-10"))!;
        }
        var paid = new Update
        {
            Id = UpdateId(),
            Message = new Message
            {
                Id = 7, Date = DateTime.UtcNow, Chat = new Chat { Id = chat, Type = ChatType.Private }, From = new User { Id = chat, FirstName = "Paula" },
                SuccessfulPayment = new SuccessfulPayment { Currency = "XTR", TotalAmount = invoice.PriceStars, InvoicePayload = invoice.Payload, TelegramPaymentChargeId = $"charge-{Guid.NewGuid():N}" },
            },
        };

        await CutOffThenRedeliverAsync(paid);

        await using var db = host.Database.CreateContext();
        Assert.Equal(1, await db.Purchases.CountAsync(p => p.PlayerId == player));
        Assert.Equal(10, await CreditsAsync(player));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.ChatId == chat && m.Kind == OutboxKinds.Notice));
    }

    private async Task UseTheFreeGamesAsync(long player)
    {
        await using var db = host.Database.CreateContext();
        var now = host.Time.GetUtcNow();
        for (var i = 0; i < PlayAllowance.FreeGamesPerDay; i++)
        {
            db.GameSessions.Add(new GameSession
            {
                Id = Guid.NewGuid(), PlayerId = player, Mode = GameMode.Quick, State = SessionState.Finished, Seed = i, QuestionCount = 5,
                StartedAt = now.AddMinutes(-30 + i), LastActivityAt = now.AddMinutes(-30 + i), FinishedAt = now.AddMinutes(-29 + i),
            });
        }
        await db.SaveChangesAsync();
    }

    private async Task GrantAsync(long player, AssetKind kind, int amount)
    {
        await using var db = host.Database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        await Wallet.GrantAsync(db, player, kind, amount, LedgerReason.Adjustment, $"test:{Guid.NewGuid():N}", null, host.Time.GetUtcNow(), default);
        await tx.CommitAsync();
    }

    private async Task<int> CreditsAsync(long player)
    {
        await using var db = host.Database.CreateContext();
        return (await Wallet.HoldingsAsync(db, player, host.Time.GetUtcNow(), default)).Games;
    }
}
