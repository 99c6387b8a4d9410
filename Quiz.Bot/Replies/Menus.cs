using Quiz.Bot.Texts;
using Quiz.Core.Messaging;

namespace Quiz.Bot.Replies;

/// <summary>Inline keyboards. Each row is a list of buttons; text comes from <see cref="De"/>.</summary>
public static class Menus
{
    public const string Area = "menu";
    public const string Help = "help";
    public const string Privacy = "privacy";
    public const string Main = "main";
    public const string Profile = "profile";
    public const string Boards = "boards";
    public const string Shop = "shop";

    public static IReadOnlyList<IReadOnlyList<MessageButton>> MainMenu() =>
    [
        [new MessageButton(De.ButtonQuickGame, GameButtons.Quick), new MessageButton(De.ButtonCategory, GameButtons.Categories)],
        [new MessageButton(De.ButtonSurvival, GameButtons.Survival), new MessageButton(De.ButtonDaily, GameButtons.Daily)],
        [new MessageButton(De.ButtonDuel, GameButtons.Duel), new MessageButton(De.ButtonTournaments, TournamentButtons.List)],
        [new MessageButton(De.ButtonProfile, CallbackData.Menu(Profile)), new MessageButton(De.ButtonBoards, CallbackData.Menu(Boards))],
        [new MessageButton(De.ButtonShop, CallbackData.Menu(Shop)), new MessageButton(De.ButtonHelp, CallbackData.Menu(Help))],
        [new MessageButton(De.ButtonPrivacy, CallbackData.Menu(Privacy))],
    ];

    public static IReadOnlyList<IReadOnlyList<MessageButton>> BackToMenu() =>
    [
        [new MessageButton(De.ButtonMenu, CallbackData.Menu(Main))],
    ];
}
