using Microsoft.EntityFrameworkCore;
using Quiz.Core.Messaging;
using Xunit.Abstractions;

namespace Quiz.EndToEndTests;

/// <summary>
/// Issue #13, item 6, the bot's half: two bot replicas behind one proxied webhook endpoint. A burst from many chats,
/// each update posted twice at once, is handled once per update by whichever replica claims it first, each chat's
/// replies arrive in the order of its messages, and both replicas draw from one send budget: Telegram (the sandbox,
/// 30 messages/s) never answers 429, which two budgets of 25/s each would make it do. The outbox's rows, claimed by
/// both replicas' dispatchers, are each sent once and in their chat's order.
/// </summary>
[Collection(ScaledAppModelCollection.Name)]
public sealed class ScaleOutTests(ScaledAppModelFixture fixture, ITestOutputHelper output)
{
    private const int Chats = 40;
    // Every update is delivered twice; the player's inbound command budget (burst 5) is drawn once per update, so 3 × 2 deliveries pass.
    private const int CommandsPerChat = 3;

    [Fact]
    public async Task A_burst_over_two_bot_replicas_is_handled_once_per_update_in_each_chats_order_within_one_send_budget()
    {
        var sandbox = fixture.Sandbox();
        var players = await Task.WhenAll(Enumerable.Range(0, Chats).Select(i => ChatPlayer.CreateAsync(fixture, $"Welle{i}")));
        var since = await LastCallAsync(sandbox);
        var updates = new List<long>();
        await sandbox.SettingsAsync(rateLimits: true, duplicateDeliveries: 2);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // Every player types three commands at once; Telegram hands each chat's updates over one after another.
            var sent = await Task.WhenAll(players.Select(async p =>
            {
                var ids = new List<long>();
                for (var n = 1; n <= CommandsPerChat; n++) ids.Add((await sandbox.SendAsync(p.User, $"/welle{n}")).UpdateId!.Value);
                return ids;
            }));
            updates.AddRange(sent.SelectMany(ids => ids));
            foreach (var player in players)
            {
                var chat = await sandbox.WaitForChatAsync(player.User, c => Replies(c).Count >= CommandsPerChat, Eventually.Patience);
                // Once each, in the order typed — a second handling of a duplicate would add a third reply.
                Assert.Equal(Enumerable.Range(1, CommandsPerChat).Select(n => $"/welle{n}"), Replies(chat));
            }
        }
        finally
        {
            clock.Stop();
            await sandbox.SettingsAsync(rateLimits: true, duplicateDeliveries: 1);
        }

        await using (var db = fixture.Database())
        {
            var claims = await db.ProcessedUpdates.AsNoTracking().Where(u => updates.Contains(u.UpdateId)).ToListAsync();
            Assert.Equal(updates.Count, claims.Count);
            Assert.All(claims, c => Assert.NotNull(c.CompletedAt));
        }
        var calls = await sandbox.CallsAsync(since);
        Assert.DoesNotContain(calls, c => c.Status == 429);
        Assert.Equal(Chats * CommandsPerChat, calls.Count(c => c.Method == "sendMessage" && c.Ok));

        // Both processes handled webhook requests (each export names the process that sent it).
        var handlers = await WebhookHandlersAsync();
        Assert.Equal(fixture.BotReplicas, handlers.Count);
        output.WriteLine($"{updates.Count} updates (each delivered twice) over {handlers.Count} bot replicas: all replies after {clock.Elapsed.TotalSeconds:F1} s "
            + $"({updates.Count / clock.Elapsed.TotalSeconds:F1} replies/s), {calls.Count} Bot API calls, no 429");
    }

    [Fact]
    public async Task Outbox_rows_claimed_by_both_replicas_are_each_sent_once_and_in_their_chats_order()
    {
        const int chats = 30, perChat = 4;
        var sandbox = fixture.Sandbox();
        var users = await Task.WhenAll(Enumerable.Range(0, chats).Select(i => sandbox.CreateUserAsync($"Post{i}")));
        var since = await LastCallAsync(sandbox);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var rows = new List<OutboxMessage>();
        await using (var db = fixture.Database())
        {
            var now = DateTimeOffset.UtcNow;
            for (var n = 1; n <= perChat; n++)
            {
                rows.AddRange(users.Select(u => OutboxWriter.EnqueueMessage(db, u.ChatId, new SendMessagePayload($"Post {tag} {u.ChatId} Nr. {n}"), now)));
            }
            await db.SaveChangesAsync();
        }
        var ids = rows.Select(r => r.Id).ToList();

        await Eventually.HoldsAsync(async () =>
        {
            await using var db = fixture.Database();
            return await db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.State == OutboxState.Sent) == ids.Count;
        });

        var calls = await sandbox.CallsAsync(since, "sendMessage");
        Assert.DoesNotContain(calls, c => c.Status == 429);
        var texts = calls.Where(c => c.Ok).Select(c => c.Parameters.GetProperty("text").GetString()!).Where(t => t.Contains(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(chats * perChat, texts.Count);
        Assert.Equal(texts.Count, texts.Distinct().Count());
        foreach (var user in users)
        {
            var chat = (await sandbox.ChatAsync(user)).Where(m => m.FromBot).Select(m => m.Text).ToList();
            Assert.Equal(Enumerable.Range(1, perChat).Select(n => $"Post {tag} {user.ChatId} Nr. {n}"), chat);
        }
    }

    private static List<string> Replies(IReadOnlyList<SandboxChatItem> chat) =>
        [.. chat.Where(m => m.FromBot && (m.Text?.Contains("/welle", StringComparison.Ordinal) ?? false))
            .Select(m => m.Text!.Split(' ').First(w => w.StartsWith("/welle", StringComparison.Ordinal)))];

    private static async Task<long> LastCallAsync(SandboxClient sandbox) => (await sandbox.CallsAsync()).LastOrDefault()?.Seq ?? 0;

    /// <summary>The bot processes whose exported traces hold a webhook request (batches are exported within a second).</summary>
    private async Task<HashSet<string>> WebhookHandlersAsync()
    {
        HashSet<string> handlers = [];
        try
        {
            await Eventually.HoldsAsync(() =>
            {
                handlers = [.. WebhookExports().Where(e => e.Service == "Quiz.Bot").Select(e => e.Instance!)];
                return Task.FromResult(handlers.Count >= fixture.BotReplicas);
            });
        }
        catch (Xunit.Sdk.XunitException)
        {
            output.WriteLine("Exports with a webhook request: " + string.Join(", ", WebhookExports().Distinct()));
            throw;
        }
        return handlers;
    }

    private IEnumerable<(string? Service, string? Instance)> WebhookExports() =>
        fixture.Telemetry.Bodies("traces").Where(b => b.Contains("/telegram/webhook", StringComparison.Ordinal))
            .Select(b => (OtlpReceiver.ResourceAttribute(b, "service.name"), OtlpReceiver.ResourceAttribute(b, "service.instance.id")));
}
