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
/// ones in flight held at Telegram, a reply written afterwards is sent at once and no more bulk starts before it.
/// </summary>
public sealed class OutboxLanePipelineTests(PostgresDatabase database) : CoreTests(database)
{
    private const long Player = 77_000_001;

    [Fact]
    public async Task A_reply_is_sent_while_the_bulk_notices_in_flight_are_still_held()
    {
        await QueueBulkAsync(10_000);
        var telegram = new HeldTelegram(Player);
        var dispatcher = BotParts.Dispatcher(Core, telegram);
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var held = await telegram.BulkHeld.Task.WaitAsync(TimeSpan.FromMinutes(1));
            await using (var db = Database.CreateContext())
            {
                OutboxWriter.EnqueueMessage(db, Player, new SendMessagePayload("Frage 2 von 10"), DateTimeOffset.UtcNow);
                await db.SaveChangesAsync();
            }

            // Before: the dispatcher claimed 64 rows and waited for all of them; the reply came after the held notices.
            var startedBefore = await telegram.ReplySent.Task.WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal(held, startedBefore);
        }
        finally
        {
            telegram.Release();
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    private async Task QueueBulkAsync(int count)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO outbox_messages (kind, chat_id, payload, state, attempts, created_at, available_at)
            SELECT 'send_message', 78000000 + g, '{"text":"Das Turnier beginnt!"}'::jsonb, 'pending', 0, now() - interval '1 minute', now() - interval '1 minute'
            FROM generate_series(1, @count) g
            """, connection);
        insert.Parameters.AddWithValue("count", count);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Holds every message to another chat than <paramref name="player"/> until released; <see cref="BulkHeld"/> completes
    /// with their number once the dispatcher's 16 slots are all held, <see cref="ReplySent"/> with the number of held
    /// messages when the player's message arrives.
    /// </summary>
    private sealed class HeldTelegram(long player) : ITelegramBotClient
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
                if (Interlocked.Increment(ref started) == 16) BulkHeld.TrySetResult(16);
                await release.Task.WaitAsync(cancellationToken);
            }
            return (TResponse)(object)new Message { Id = 99, Chat = new Chat { Id = chat ?? 0 } };
        }

        public Task<bool> TestApi(CancellationToken cancellationToken = default) => Task.FromResult(true);

        public Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task DownloadFile(TGFile file, Stream destination, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
