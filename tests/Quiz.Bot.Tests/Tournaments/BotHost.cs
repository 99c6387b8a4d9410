using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quiz.Bot.Handlers;
using Quiz.Bot.RateLimiting;
using Quiz.Bot.Transport;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Core.Questions;
using Quiz.Core.Tournaments;
using Quiz.Testing;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.Payments;
using Telegram.Bot.Types.ReplyMarkups;

namespace Quiz.Bot.Tests.Tournaments;

/// <summary>
/// The bot's real registrations (handlers, Core, PostgreSQL) with Telegram, the clock and the send
/// budget replaced; no hosted service runs. Updates go through the <see cref="UpdateRouter"/> as in
/// production. The clock stands at Fri 27.11.2026 11:00 Berlin; a bank of 30 questions is seeded.
/// </summary>
public sealed class BotHost : IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> names = new();
    private WebApplication? app;

    public PostgresDatabase Database { get; } = new();
    public FakeTelegram Telegram { get; } = new();

    /// <summary>Cuts a delivery off after its first commit (<see cref="DeliverAsync"/>).</summary>
    public CommitTrap Trap { get; } = new();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    public IServiceProvider Services => app!.Services;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using (var db = Database.CreateContext())
        {
            db.Categories.Add(new Category { Id = "turnier", Name = "Turnierwissen" });
            for (var i = 0; i < 30; i++) db.Questions.Add(TestData.Question($"turnier-{i:D4}", "turnier", Time.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:quizdb"] = Database.ConnectionString,
            ["ConnectionStrings:cache"] = TestEnvironment.Redis,
            ["Telegram:BotToken"] = "123456:unreachable-in-tests",
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
        });
        builder.AddBotServices();
        builder.Services.AddSingleton<ITelegramBotClient>(Telegram);
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddSingleton<ITelegramRateLimiter, NoLimit>();
        builder.Services.AddSingleton<IInterceptor>(Trap);
        Telegram.BeforeCall = Trap.BeforeTelegramCall;
        app = builder.Build();
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        await Database.DisposeAsync();
    }

    public async Task<(long TelegramId, long PlayerId)> PlayerAsync(string name, int tickets = 0)
    {
        var telegramId = Random.Shared.NextInt64(1_000_000, long.MaxValue);
        names[telegramId] = name;
        var player = await Services.GetRequiredService<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegramId, name, null, "de"));
        if (tickets > 0)
        {
            await using var db = Database.CreateContext();
            await using var tx = await db.Database.BeginTransactionAsync();
            await Wallet.GrantAsync(db, player.Id, AssetKind.TournamentTicket, tickets, LedgerReason.Adjustment, $"test-ticket:{Guid.NewGuid():N}", null, Time.GetUtcNow(), default);
            await tx.CommitAsync();
        }
        return (telegramId, player.Id);
    }

    /// <summary>A scheduled tournament from 12:00 to 14:00 Berlin; <paramref name="running"/> starts it now.</summary>
    public async Task<Guid> TournamentAsync(string title, TournamentEntryFee fee, bool running = false)
    {
        var admin = Services.GetRequiredService<TournamentAdministration>();
        var now = Time.GetUtcNow();
        var created = await admin.CreateAsync(new TournamentDraft(title, now.AddHours(1), now.AddHours(3), fee, 5), "Olga Operator");
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        Assert.True((await admin.ScheduleAsync(created.Id!.Value, "Olga Operator")).Succeeded);
        if (running) Assert.Equal(TransitionOutcome.Changed, await admin.StartNowAsync(created.Id.Value, "Olga Operator"));
        return created.Id.Value;
    }

    public async Task CommandAsync(long user, string text) =>
        await RouteAsync(new Update { Id = 1, Message = new Message { Id = 1, Date = DateTime.UtcNow, Chat = Chat(user), From = User(user), Text = text } });

    /// <summary>A button press; returns the text of its answerCallbackQuery (null: answered silently).</summary>
    public async Task<string?> PressAsync(long user, string data)
    {
        var id = $"cb-{Guid.NewGuid():N}";
        await RouteAsync(new Update { Id = 1, CallbackQuery = new CallbackQuery { Id = id, From = User(user), Data = data, Message = new Message { Id = 5, Date = DateTime.UtcNow, Chat = Chat(user) } } });
        return Assert.Single(Telegram.CallbackAnswers, a => a.CallbackQueryId == id).Text;
    }

    /// <summary>Telegram asks whether the payment of <paramref name="payload"/> may go ahead; returns the refusal (null: accepted).</summary>
    public async Task<string?> PreCheckoutAsync(long user, string payload, int stars)
    {
        var id = $"pcq-{Guid.NewGuid():N}";
        await RouteAsync(new Update { Id = 1, PreCheckoutQuery = new PreCheckoutQuery { Id = id, From = User(user), Currency = "XTR", TotalAmount = stars, InvoicePayload = payload } });
        var answer = Assert.Single(Telegram.PreCheckoutAnswers, a => a.PreCheckoutQueryId == id);
        Assert.Equal(answer.ErrorMessage is null, answer.Ok);
        return answer.ErrorMessage;
    }

    public List<SendMessageRequest> SentTo(long chat) => [.. Telegram.Messages.Where(m => m.ChatId.Identifier == chat)];

    public static List<string> Data(SendMessageRequest message) =>
        message.ReplyMarkup is InlineKeyboardMarkup keyboard
            ? [.. keyboard.InlineKeyboard.SelectMany(row => row).Select(b => b.CallbackData).OfType<string>()]
            : [];

    public async Task<int> TicketsAsync(long playerId)
    {
        await using var db = Database.CreateContext();
        return (await Wallet.HoldingsAsync(db, playerId, Time.GetUtcNow(), default)).TournamentTickets;
    }

    /// <summary>
    /// Marks what the outbox holds as sent, as the dispatcher (not running here) would: a pending
    /// notice makes the chat's replies queue behind it.
    /// </summary>
    public async Task OutboxDeliveredAsync()
    {
        await using var db = Database.CreateContext();
        await db.OutboxMessages.Where(m => m.State == OutboxState.Pending).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Sent).SetProperty(m => m.ProcessedAt, Time.GetUtcNow()));
    }

    public async Task<int> EntriesAsync(long playerId)
    {
        await using var db = Database.CreateContext();
        return await db.TournamentEntries.CountAsync(e => e.PlayerId == playerId);
    }

    /// <summary>An update as Telegram delivers it: through the pipeline (claim, handle, complete), under <paramref name="ct"/>.</summary>
    public Task<UpdateOutcome> DeliverAsync(Update update, CancellationToken ct = default) =>
        Services.GetRequiredService<UpdatePipeline>().ProcessAsync(update, ct);

    public Update Command(long user, string text, int updateId) =>
        new() { Id = updateId, Message = new Message { Id = 1, Date = DateTime.UtcNow, Chat = Chat(user), From = User(user), Text = text } };

    public Update Press(long user, string data, int updateId, int messageId = 5) =>
        new() { Id = updateId, CallbackQuery = new CallbackQuery { Id = $"cb-{updateId}", From = User(user), Data = data, Message = new Message { Id = messageId, Date = DateTime.UtcNow, Chat = Chat(user) } } };

    private async Task RouteAsync(Update update)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IUpdateHandler>().RouteAsync(update, CancellationToken.None);
    }

    private Chat Chat(long user) => new() { Id = user, Type = ChatType.Private, FirstName = names.GetValueOrDefault(user, "Tester") };

    private User User(long user) => new() { Id = user, IsBot = false, FirstName = names.GetValueOrDefault(user, "Tester") };
}
