using Quiz.Bot.Texts;
using Quiz.Core.Game.Stats;
using Quiz.Core.Messaging;

namespace Quiz.Bot.Handlers;

/// <summary>
/// Buttons of <c>/profil</c> and <c>/bestenliste</c>. A leaderboard button carries
/// <c>board:&lt;today|week|survival&gt;</c>; anything else is a stale or forged button.
/// </summary>
public static class BoardButtons
{
    public const string Area = "board";
    public const string Today = "today";
    public const string Week = "week";
    public const string Survival = "survival";

    public static string Name(BoardKind kind) => kind switch
    {
        BoardKind.Today => Today,
        BoardKind.Week => Week,
        BoardKind.Survival => Survival,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Exact, case-sensitive names only: callback data is untrusted input.</summary>
    public static bool TryParse(string? board, out BoardKind kind)
    {
        (var known, kind) = board switch
        {
            Today => (true, BoardKind.Today),
            Week => (true, BoardKind.Week),
            Survival => (true, BoardKind.Survival),
            _ => (false, BoardKind.Today),
        };
        return known;
    }

    public static string Data(BoardKind kind) => $"{Area}:{Name(kind)}";

    /// <summary>Switch between the boards (the shown one marked) and back to the menu.</summary>
    public static IReadOnlyList<IReadOnlyList<MessageButton>> Switch(BoardKind shown) =>
    [
        [Button(BoardKind.Today, shown), Button(BoardKind.Week, shown), Button(BoardKind.Survival, shown)],
        [new MessageButton(De.ButtonMenu, Menus.Data(Menus.Main))],
    ];

    public static IReadOnlyList<IReadOnlyList<MessageButton>> ForProfile() =>
    [
        [new MessageButton(De.ButtonBoards, Data(BoardKind.Today)), new MessageButton(De.ButtonMenu, Menus.Data(Menus.Main))],
    ];

    private static MessageButton Button(BoardKind kind, BoardKind shown) =>
        new(kind == shown ? $"· {De.BoardButton(kind)} ·" : De.BoardButton(kind), Data(kind));
}
