using Quiz.Bot.Texts;
using Quiz.Core.Features;
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

    /// <summary>The main menu without what is paused (<paramref name="features"/>): two buttons a row.</summary>
    public static IReadOnlyList<IReadOnlyList<MessageButton>> MainMenu(FeatureSet features)
    {
        MessageButton?[] buttons =
        [
            features.Open(Feature.Quick) ? new MessageButton(De.ButtonQuickGame, GameButtons.Quick) : null,
            features.Open(Feature.Category) ? new MessageButton(De.ButtonCategory, GameButtons.Categories) : null,
            features.Open(Feature.Survival) ? new MessageButton(De.ButtonSurvival, GameButtons.Survival) : null,
            features.Open(Feature.Daily) ? new MessageButton(De.ButtonDaily, GameButtons.Daily) : null,
            features.Open(Feature.Duels) ? new MessageButton(De.ButtonDuel, GameButtons.Duel) : null,
            features.Open(Feature.Tournaments) ? new MessageButton(De.ButtonTournaments, TournamentButtons.List) : null,
            new MessageButton(De.ButtonProfile, Data(Profile)),
            new MessageButton(De.ButtonBoards, Data(Boards)),
            features.Open(Feature.Shop) ? new MessageButton(De.ButtonShop, Data(Shop)) : null,
            new MessageButton(De.ButtonHelp, Data(Help)),
            new MessageButton(De.ButtonPrivacy, Data(Privacy)),
        ];
        return [.. buttons.OfType<MessageButton>().Chunk(2).Select(row => (IReadOnlyList<MessageButton>)row)];
    }

    public static IReadOnlyList<IReadOnlyList<MessageButton>> BackToMenu() =>
    [
        [new MessageButton(De.ButtonMenu, Menus.Data(Main))],
    ];
}
