using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quiz.Bot.Handlers;
using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Audit;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Core.Privacy;
using Quiz.Testing;
using Telegram.Bot.Types.ReplyMarkups;

namespace Quiz.Bot.Tests;

/// <summary><c>/meinedaten</c> and <c>/loeschen</c> against Core on PostgreSQL, with a client that records what it was asked to send.</summary>
public sealed class PrivacyHandlerTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero))
{
    private readonly FakeTelegram telegram = new();

    private PrivacyHandler Handler()
    {
        var sender = BotParts.Sender(Core, telegram);
        return new PrivacyHandler(Core.Get<PlayerDataExport>(), Core.Get<PlayerDeletion>(), sender, new BotReplies(sender), NullLogger<PrivacyHandler>.Instance);
    }

    private Task<PlayerSnapshot> PlayerAsync(long telegramId) =>
        Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegramId, "Greta", "greta_g", "de"));

    [Fact]
    public async Task Meinedaten_sends_the_export_as_a_json_document_with_a_german_caption()
    {
        var tg = Random.Shared.NextInt64(1, long.MaxValue);
        var player = await PlayerAsync(tg);

        await Handler().SendExportAsync(tg, player, default);

        var (request, content) = Assert.Single(telegram.Documents);
        Assert.Equal((tg, "meinedaten.json", De.ExportCaption), (request.ChatId.Identifier, ((global::Telegram.Bot.Types.InputFileStream)request.Document).FileName, request.Caption));
        var profile = JsonDocument.Parse(content).RootElement.GetProperty("profile");
        Assert.Equal(("Greta", "greta_g", tg), (profile.GetProperty("first_name").GetString(), profile.GetProperty("username").GetString(),
            profile.GetProperty("telegram_user_id").GetInt64()));
        Assert.True(De.ExportCaption.Length <= 1024);
    }

    [Fact]
    public async Task Loeschen_asks_with_confirm_and_abort_buttons_and_the_confirmation_deletes_once()
    {
        var tg = Random.Shared.NextInt64(1, long.MaxValue);
        var player = await PlayerAsync(tg);
        var handler = Handler();

        await handler.AskDeletionAsync(tg, player, default);

        var question = Assert.Single(telegram.Messages);
        Assert.Contains("Konto löschen?", question.Text);
        var buttons = ((InlineKeyboardMarkup)question.ReplyMarkup!).InlineKeyboard.SelectMany(r => r).ToList();
        Assert.Equal([De.ButtonDeleteConfirm, De.ButtonDeleteAbort], buttons.Select(b => b.Text));
        Assert.All(buttons, b => Assert.True(CallbackData.TryParse(b.CallbackData, out _), b.CallbackData));
        Assert.True(CallbackData.TryParse(buttons[0].CallbackData, out var confirm));

        await handler.HandleAsync(new ButtonPress("q1", tg, 99, player, confirm), default);
        await handler.HandleAsync(new ButtonPress("q2", tg, 99, player, confirm), default);

        Assert.Equal(De.Deleted(false), Assert.Single(telegram.Edits).Text);
        Assert.Equal([null, De.DeleteButtonInvalid], telegram.CallbackAnswers.Select(a => a.Text));
        await using var db = Database.CreateContext();
        Assert.NotNull((await db.Players.SingleAsync(p => p.Id == player.Id)).DeletedAt);
        Assert.Single(await AuditLog.ForSubjectAsync(db, AuditLog.Player(player.Id)));
    }

    [Fact]
    public async Task Abort_keeps_the_account_and_voids_the_button()
    {
        var tg = Random.Shared.NextInt64(1, long.MaxValue);
        var player = await PlayerAsync(tg);
        var handler = Handler();
        await handler.AskDeletionAsync(tg, player, default);
        var buttons = ((InlineKeyboardMarkup)Assert.Single(telegram.Messages).ReplyMarkup!).InlineKeyboard.SelectMany(r => r).ToList();
        CallbackData.TryParse(buttons[0].CallbackData, out var confirm);
        CallbackData.TryParse(buttons[1].CallbackData, out var abort);

        await handler.HandleAsync(new ButtonPress("q1", tg, 99, player, abort), default);
        await handler.HandleAsync(new ButtonPress("q2", tg, 99, player, confirm), default);

        Assert.Equal(De.DeleteAborted, Assert.Single(telegram.Edits).Text);
        Assert.Equal([null, De.DeleteButtonInvalid], telegram.CallbackAnswers.Select(a => a.Text));
        await using var db = Database.CreateContext();
        Assert.Null((await db.Players.SingleAsync(p => p.Id == player.Id)).DeletedAt);
    }

    [Theory]
    [InlineData(null, "{\"subscription\":\"canceled\"}")]
    [InlineData(400, "{\"subscription\":\"refused\",\"reason\":\"Bad Request: SUBSCRIPTION_NOT_FOUND\"}")]
    public async Task The_cancel_command_stops_the_renewal_with_editUserStarSubscription(int? error, string expected)
    {
        var fake = new FakeTelegram(error is { } code ? FakeTelegram.Error(code, "Bad Request: SUBSCRIPTION_NOT_FOUND") : null);
        var executor = BotParts.Executor(Core, fake);
        var payload = JsonSerializer.Serialize(new CancelSubscriptionCommand(Guid.NewGuid(), 4242, "charge-1"), OutboxWriter.PayloadJson);

        var result = await executor.ExecuteAsync(new ClaimedOutboxMessage(1, OutboxKinds.CancelStarSubscription, null, payload, 0), default);

        Assert.Equal(["editUserStarSubscription"], fake.Methods);
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Privacy_texts_fit_telegrams_limits_and_name_the_retention_and_the_commands()
    {
        Assert.True(De.Privacy.Length < 4096);
        Assert.Contains("10 Jahre", De.Privacy);
        Assert.Contains("/meinedaten", De.Privacy);
        Assert.Contains("/loeschen", De.Privacy);
        Assert.Contains("/meinedaten", De.Help);
        Assert.Contains("/loeschen", De.Help);
        Assert.Contains(De.Commands, c => c.Command == "meinedaten");
        Assert.Contains(De.Commands, c => c.Command == "loeschen");
        Assert.True(De.DeleteQuestion(10).Length < 4096);
    }
}
