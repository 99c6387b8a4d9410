using Quiz.Bot.Replies;
using Quiz.Core.Features;
using Telegram.Bot.Types;

namespace Quiz.Bot.Handlers;

/// <summary>
/// Which switch an update needs, read from the update alone (no database, no Redis): the commands and buttons that
/// start something new. Taps inside a running game need none — a pause stops new starts, never a game in progress — and
/// payments need none (an invoice already sent is paid and credited). "Mitspielen" in a tournament is decided by
/// <see cref="TournamentHandler"/>: who already entered may still play.
/// </summary>
public static class FeatureGate
{
    /// <summary>The most frequent update by far needs no switch: an answer tap is not parsed twice.</summary>
    private const string AnswerPrefix = $"{GameButtons.Area}:{GameButtons.AnswerAction}:";

    public static Feature? Needs(Update update) => update switch
    {
        { Message: { SuccessfulPayment: null, RefundedPayment: null, Text: { } text } } => NeedsCommand(text),
        { CallbackQuery.Data: { } data } when !data.StartsWith(AnswerPrefix, StringComparison.Ordinal) && CallbackData.TryParse(data, out var parsed) => NeedsButton(parsed),
        _ => null,
    };

    /// <summary>While in maintenance only payments (pre-checkout, paid, refunded) and the bot's membership go through.</summary>
    public static bool PassesMaintenance(Update update) => update switch
    {
        { PreCheckoutQuery: not null } or { MyChatMember: not null } => true,
        { Message.SuccessfulPayment: not null } or { Message.RefundedPayment: not null } => true,
        _ => false,
    };

    /// <summary>The switch a command (name without slash) belongs to; the command menu hides it while the switch is off.</summary>
    public static Feature? CommandNeeds(string? command) => command switch
    {
        "spielen" => Feature.Quick,
        "tagesquiz" => Feature.Daily,
        "duell" => Feature.Duels,
        "turniere" => Feature.Tournaments,
        "shop" => Feature.Shop,
        _ => null,
    };

    private static Feature? NeedsCommand(string text)
    {
        var (command, payload) = MessageHandler.ParseCommand(text);
        return command switch
        {
            "start" when payload?.StartsWith(BotLinks.DuelPrefix, StringComparison.Ordinal) == true => Feature.Duels,
            "start" when payload?.StartsWith(BotLinks.TournamentPrefix, StringComparison.Ordinal) == true => Feature.Tournaments,
            _ => CommandNeeds(command),
        };
    }

    private static Feature? NeedsButton(CallbackData data) => (data.Area, data.Action) switch
    {
        (GameButtons.Area, GameButtons.QuickAction) => Feature.Quick,
        (GameButtons.Area, GameButtons.SurvivalAction) => Feature.Survival,
        (GameButtons.Area, GameButtons.DailyAction) => Feature.Daily,
        (GameButtons.Area, GameButtons.DuelAction) => Feature.Duels,
        (GameButtons.Area, GameButtons.CategoriesAction or GameButtons.CategoryAction) => Feature.Category,
        (Menus.Area, Menus.Shop) or (ShopHandler.Area, _) => Feature.Shop,
        (TournamentButtons.Area, TournamentButtons.ListAction or TournamentButtons.JoinAction) => Feature.Tournaments,
        _ => null,
    };
}
