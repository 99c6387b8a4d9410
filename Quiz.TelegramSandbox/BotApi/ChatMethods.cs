using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Quiz.TelegramSandbox.State;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.BotApi;

/// <summary>getMe, the command menu, chat actions and callback answers.</summary>
public sealed partial class ChatMethods(
    SandboxWorld world, CommandStore commands, CallbackRegistry callbacks, IOptions<SandboxOptions> options, TimeProvider time)
    : IBotMethodGroup
{
    private static readonly HashSet<string> ChatActions =
    [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
        "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ];

    public void Register(BotMethodRouter router)
    {
        router.Map("getMe", _ => BotResult.Of(world.Bot));
        router.Map("setMyCommands", SetMyCommands);
        router.Map("getMyCommands", p => BotResult.Of(commands.Get(Scope(p), Language(p))));
        router.Map("deleteMyCommands", p =>
        {
            commands.Set(Scope(p), Language(p), null);
            return BotResult.True();
        });
        router.Map("sendChatAction", SendChatAction);
        router.Map("answerCallbackQuery", AnswerCallbackQuery);
    }

    private BotResult SetMyCommands(BotParameters p)
    {
        if (p.Json("commands") is not JsonArray array || array.Count > 100)
        {
            throw ErrorTexts.Invalid("commands");
        }

        var list = new List<BotCommand>();
        foreach (var item in array)
        {
            var command = item?["command"] is JsonValue c && c.TryGetValue(out string? cs) ? cs : "";
            var description = item?["description"] is JsonValue d && d.TryGetValue(out string? ds) ? ds : "";
            if (!CommandName().IsMatch(command))
            {
                throw ErrorTexts.Rpc("BOT_COMMAND_INVALID");
            }

            if (description.Length is < 1 or > 256)
            {
                throw ErrorTexts.Rpc("BOT_COMMAND_DESCRIPTION_INVALID");
            }

            list.Add(new BotCommand(command, description));
        }

        commands.Set(Scope(p), Language(p), list);
        return BotResult.True();
    }

    private BotResult SendChatAction(BotParameters p)
    {
        world.ResolveWritableChat(p.String("chat_id"));
        return ChatActions.Contains(p.String("action")!) ? BotResult.True() : throw ErrorTexts.Missing("action");
    }

    private BotResult AnswerCallbackQuery(BotParameters p)
    {
        var text = p.String("text");
        if (text?.Length > 200)
        {
            throw ErrorTexts.Rpc("MESSAGE_TOO_LONG");
        }

        var window = TimeSpan.FromSeconds(options.Value.CallbackAnswerSeconds);
        return callbacks.TryAnswer(p.String("callback_query_id")!, text, p.Bool("show_alert") == true, time.GetUtcNow(), window)
            ? BotResult.True()
            : throw ErrorTexts.QueryTooOld();
    }

    private static string Scope(BotParameters p)
    {
        var scope = p.Json("scope");
        if (scope is null)
        {
            return "default";
        }

        var type = scope["type"] is JsonValue t && t.TryGetValue(out string? ts) ? ts : throw ErrorTexts.Invalid("scope");
        return type + ":" + scope["chat_id"]?.ToJsonString() + ":" + scope["user_id"]?.ToJsonString();
    }

    private static string Language(BotParameters p)
    {
        var language = p.String("language_code") ?? "";
        return language.Length is 0 or 2 ? language : throw ErrorTexts.Invalid("language_code");
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();
}
