using Npgsql;
using Quiz.Core.Messaging;
using Quiz.Testing;
using Telegram.Bot;
using Telegram.Bot.Args;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;

namespace Quiz.Bot.Tests;

/// <summary>
/// The dispatcher with the outbox's lanes (issue #14 item 4), on PostgreSQL: with 10,000 bulk notices queued and the
/// ones in flight held at Telegram, a reply written afterwards is sent at once and no more bulk starts before it; and with
/// every slot held by flooders' deferred replies, a quiet player's reply written after them still starts (issue #12).
/// </summary>
public sealed class OutboxLanePipelineTests(PostgresDatabase database) : CoreTests(database)
{
    private const long Player = 77_000_001;

    [Fact]
    public async Task A_reply_is_sent_while_the_bulk_notices_in_flight_are_still_held()
    {
        await QueueBulkAsync(10_000);

        // Before: the dispatcher claimed 64 rows and waited for all of them; the reply came after the held notices.
        var (held, startedBefore) = await ReplyWhileHeldAsync(fullAt: 16, "Frage 2 von 10");
        Assert.Equal(held, startedBefore);
    }

    [Fact]
    public async Task A_quiet_players_reply_starts_while_forty_flooders_deferred_replies_hold_every_other_slot()
    {
        // 40 flooders with 5 deferred replies each, all in the interactive lane and written before the player's reply.
        await QueueBulkAsync(200, lane: OutboxLane.Interactive, chats: 40);

        // Before: every slot held a flooder's reply and each freed slot went to the oldest row, a flooder's again.
        var (held, startedBefore) = await ReplyWhileHeldAsync(fullAt: 32, "Hilfe");
        Assert.Equal(held, startedBefore);
    }

    /// <summary>
    /// Runs the dispatcher until <paramref name="fullAt"/> messages to other chats are held at Telegram, then writes the
    /// player's reply: how many were held, and how many had started when the reply arrived.
    /// </summary>
    private async Task<(int Held, int StartedBefore)> ReplyWhileHeldAsync(int fullAt, string text)
    {
        var telegram = new HeldTelegram(Player, fullAt);
        var dispatcher = BotParts.Dispatcher(Core, telegram);
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var held = await telegram.BulkHeld.Task.WaitAsync(TimeSpan.FromMinutes(1));
            await using (var db = Database.CreateContext())
            {
                OutboxWriter.EnqueueMessage(db, Player, new SendMessagePayload(text), DateTimeOffset.UtcNow);
                await db.SaveChangesAsync();
            }
            return (held, await telegram.ReplySent.Task.WaitAsync(TimeSpan.FromMinutes(1)));
        }
        finally
        {
            telegram.Release();
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// <paramref name="count"/> rows to <paramref name="chats"/> chats (one each unless given), a minute old, in an outbox
    /// cleared of what the class's other test left (its unsent rows stay leased for minutes).
    /// </summary>
    private async Task QueueBulkAsync(int count, OutboxLane lane = OutboxLane.Bulk, int? chats = null)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            DELETE FROM outbox_messages;
            INSERT INTO outbox_messages (kind, chat_id, payload, state, attempts, created_at, available_at, lane)
            SELECT 'send_message', 78000000 + g % @chats, '{"text":"Das Turnier beginnt!"}'::jsonb, 'pending', 0, now() - interval '1 minute', now() - interval '1 minute', @lane
            FROM generate_series(1, @count) g
            """, connection);
        insert.Parameters.AddWithValue("count", count);
        insert.Parameters.AddWithValue("chats", chats ?? count + 1);
        insert.Parameters.AddWithValue("lane", (short)lane);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Holds every message to another chat than <paramref name="player"/> until released; <see cref="BulkHeld"/> completes
    /// with their number once <paramref name="fullAt"/> of the dispatcher's slots are held, <see cref="ReplySent"/> with
    /// the number of held messages when the player's message arrives.
    /// </summary>
    private sealed class HeldTelegram(long player, int fullAt) : ITelegramBotClient
    {
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int started;

        public TaskCompletionSource<int> BulkHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<int> ReplySent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => release.TrySetResult();

        public bool LocalBotServer => false;
        public long BotId => 123456;
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
        public IExceptionParser ExceptionsParser { get; set; } = new DefaultExceptionParser();

        public event AsyncEventHandler<ApiRequestEventArgs>? OnMakingApiRequest { add { } remove { } }
        public event AsyncEventHandler<ApiResponseEventArgs>? OnApiResponseReceived { add { } remove { } }

        public async Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
        {
            var chat = ((SendMessageRequest)(object)request).ChatId.Identifier;
            if (chat == player)
            {
                ReplySent.TrySetResult(Volatile.Read(ref started));
            }
            else
            {
                if (Interlocked.Increment(ref started) == fullAt) BulkHeld.TrySetResult(fullAt);
                await release.Task.WaitAsync(cancellationToken);
            }
            return (TResponse)(object)new Message { Id = 99, Chat = new Chat { Id = chat ?? 0 } };
        }

        public Task<bool> TestApi(CancellationToken cancellationToken = default) => Task.FromResult(true);

        public Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task DownloadFile(TGFile file, Stream destination, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
