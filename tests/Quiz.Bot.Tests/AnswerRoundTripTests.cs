using Microsoft.EntityFrameworkCore;
using Quiz.Bot.Handlers;
using Quiz.Bot.Tests.Tournaments;
using Quiz.Bot.Transport;
using Quiz.Core.Messaging;
using Quiz.Testing;

namespace Quiz.Bot.Tests;

/// <summary>
/// The answer update through the whole pipeline (issue #14, ADR 0014): the claim touches the player in its round trip and
/// the answer's commit reads the chat's outbox backlog, so an answer costs four SQL commands — and a reply still queues
/// behind what the outbox holds for the chat.
/// </summary>
public sealed class AnswerRoundTripTests(BotHost host) : IClassFixture<BotHost>
{
    private static int NewUpdateId() => Random.Shared.Next(100_000_000, int.MaxValue);

    private async Task<(long Chat, string Answer)> GameAsync(string name)
    {
        var (chat, _) = await host.PlayerAsync(name);
        Assert.Null(await host.PressAsync(chat, GameButtons.Quick));
        return (chat, BotHost.Data(host.SentTo(chat)[^1]).First(d => d.StartsWith("game:answer:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_answer_update_costs_four_sql_commands_from_its_claim_to_the_next_question_message_id()
    {
        var (chat, answer) = await GameAsync("Ida");
        var sent = host.SentTo(chat).Count;
        using var commands = new SqlCommands();

        var outcome = await commands.CountAsync(() => host.DeliverAsync(host.Press(chat, answer, NewUpdateId())));

        Assert.Equal(UpdateOutcome.Handled, outcome);
        Assert.Contains("</blockquote>\nFrage 2/10 · ", host.SentTo(chat)[^1].Text);
        Assert.Equal(sent + 1, host.SentTo(chat).Count);
        // The claim with the player's touch, the answer's two batches (the second also reads the chat's backlog), the message id.
        Assert.Equal(4, commands.Counted);
    }

    [Fact]
    public async Task An_answer_in_a_chat_with_a_reply_waiting_in_the_outbox_queues_its_next_question_behind_it()
    {
        var (chat, answer) = await GameAsync("Jonas");
        var sent = host.SentTo(chat).Count;
        await using (var db = host.Database.CreateContext())
        {
            OutboxWriter.Enqueue(db, OutboxKinds.SendMessage, chat, new SendMessagePayload("vorher"), host.Time.GetUtcNow(),
                availableAt: host.Time.GetUtcNow().AddMinutes(5));
            await db.SaveChangesAsync();
        }

        Assert.Equal(UpdateOutcome.Handled, await host.DeliverAsync(host.Press(chat, answer, NewUpdateId())));

        Assert.Equal(sent, host.SentTo(chat).Count);
        await using var check = host.Database.CreateContext();
        var queued = await check.OutboxMessages.Where(m => m.ChatId == chat && m.State == OutboxState.Pending).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal("vorher", OutboxWriter.ReadPayload<SendMessagePayload>(queued[0].Payload).Text);
        Assert.Contains("Frage 2/10", Assert.Single(queued.Skip(1)).Payload);
    }
}
