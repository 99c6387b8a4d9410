using Quiz.Bot.Replies;
using Quiz.Bot.Sending;
using Quiz.Bot.Texts;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using Quiz.Core.Privacy;

namespace Quiz.Bot.Handlers;

/// <summary>
/// Data protection: <c>/meinedaten</c> sends Core's JSON export as a document (sendDocument, multipart
/// upload); <c>/loeschen</c> asks with a confirmation button carrying Core's short-lived token
/// (<c>del:ok:&lt;token&gt;</c>, <c>del:no:&lt;token&gt;</c>), and Core deletes once.
/// </summary>
public sealed partial class PrivacyHandler(
    PlayerDataExport export, PlayerDeletion deletion, TelegramSender sender, BotReplies replies, ILogger<PrivacyHandler> logger) : ICallbackArea
{
    public const string Area = "del";

    /// <summary>The data-protection commands; a banned player keeps them (the rights do not end with a ban).</summary>
    public static readonly IReadOnlySet<string?> Commands = new HashSet<string?>(StringComparer.Ordinal) { "datenschutz", "meinedaten", "loeschen" };
    public const string ConfirmAction = "ok";
    public const string AbortAction = "no";

    /// <summary>The export as a document; a failure to send gets the apology (the player may simply ask again).</summary>
    public async Task SendExportAsync(long chatId, PlayerSnapshot player, CancellationToken ct)
    {
        using var document = new MemoryStream();
        if (!await export.WriteAsync(player.Id, document, ct))
        {
            await replies.ApologizeAsync(chatId, ct);
            return;
        }
        document.Position = 0;
        if (await sender.SendDocumentAsync(chatId, document, PlayerDataExport.FileName, De.ExportCaption, ct) is { } failure)
        {
            LogExportFailed(player.Id, failure);
            await replies.ApologizeAsync(chatId, ct);
        }
    }

    /// <summary><c>/loeschen</c>: what deleting means, with the confirmation and the abort button.</summary>
    public async Task AskDeletionAsync(long chatId, PlayerSnapshot player, CancellationToken ct)
    {
        if (await deletion.RequestAsync(player.Id, ct) is not { } token)
        {
            await replies.ApologizeAsync(chatId, ct);
            return;
        }
        await replies.SendAsync(chatId, De.DeleteQuestion((int)PlayerDeletion.TokenLifetime.TotalMinutes), Buttons(token), ct);
    }

    public static IReadOnlyList<IReadOnlyList<MessageButton>> Buttons(string token) =>
    [
        [new MessageButton(De.ButtonDeleteConfirm, $"{Area}:{ConfirmAction}:{token}")],
        [new MessageButton(De.ButtonDeleteAbort, $"{Area}:{AbortAction}:{token}")],
    ];

    public async Task HandleAsync(ButtonPress press, CancellationToken ct)
    {
        if (press.Data.Args.Count != 1 || press.Data.Action is not (ConfirmAction or AbortAction))
        {
            await replies.AnswerCallbackAsync(press.QueryId, De.StaleButton, ct);
            return;
        }
        var token = press.Data.Args[0];
        if (press.Data.Action == AbortAction)
        {
            var aborted = await deletion.AbortAsync(press.Player.Id, token, ct);
            await replies.AnswerCallbackAsync(press.QueryId, aborted ? null : De.StaleButton, ct);
            if (aborted) await replies.EditAsync(press.ChatId, press.MessageId, De.DeleteAborted, Menus.BackToMenu(), ct);
            return;
        }
        var result = await deletion.ConfirmAsync(press.Player.Id, token, ct);
        if (result.Outcome != DeletionOutcome.Deleted)
        {
            await replies.AnswerCallbackAsync(press.QueryId, De.DeleteButtonInvalid, ct);
            return;
        }
        await replies.AnswerCallbackAsync(press.QueryId, null, ct);
        await replies.EditAsync(press.ChatId, press.MessageId, De.Deleted(result.SubscriptionCanceled), null, ct);
    }

    [LoggerMessage(LogLevel.Warning, "Data export for player {PlayerId} could not be sent: {Reason}")]
    private partial void LogExportFailed(long playerId, string reason);
}
