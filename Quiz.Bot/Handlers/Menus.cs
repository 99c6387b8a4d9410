using Quiz.Bot.Texts;
using Quiz.Core.Messaging;

namespace Quiz.Bot.Handlers;

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

    /// <summary>Button data of a main-menu page: <c>menu:&lt;action&gt;</c>.</summary>
    public static string Data(string action) => $"{Area}:{action}";

    public static IReadOnlyList<IReadOnlyList<MessageButton>> MainMenu() =>
    [
        [new MessageButton(De.ButtonQuickGame, GameButtons.Quick), new MessageButton(De.ButtonCategory, GameButtons.Categories)],
        [new MessageButton(De.ButtonSurvival, GameButtons.Survival), new MessageButton(De.ButtonDaily, GameButtons.Daily)],
        [new MessageButton(De.ButtonDuel, GameButtons.Duel), new MessageButton(De.ButtonTournaments, TournamentButtons.List)],
        [new MessageButton(De.ButtonProfile, Menus.Data(Profile)), new MessageButton(De.ButtonBoards, Menus.Data(Boards))],
        [new MessageButton(De.ButtonShop, Menus.Data(Shop)), new MessageButton(De.ButtonHelp, Menus.Data(Help))],
        [new MessageButton(De.ButtonPrivacy, Menus.Data(Privacy))],
    ];

    public static IReadOnlyList<IReadOnlyList<MessageButton>> BackToMenu() =>
    [
        [new MessageButton(De.ButtonMenu, Menus.Data(Main))],
    ];
}
