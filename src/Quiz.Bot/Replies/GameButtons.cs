using Quiz.Bot.Texts;
using Quiz.Core.Messaging;

namespace Quiz.Bot.Replies;

/// <summary>Callback data of the game: <c>game:quick</c>, <c>game:answer:&lt;session&gt;:&lt;ordinal&gt;:&lt;position&gt;</c>.</summary>
public static class GameButtons
{
    public const string Area = "game";
    public const string QuickAction = "quick";
    public const string AnswerAction = "answer";
    public const string Quick = "game:quick";

    public static IReadOnlyList<IReadOnlyList<MessageButton>> Answers(Guid session, int ordinal) =>
    [
        Enumerable.Range(0, 4).Select(p => new MessageButton(De.Letters[p], $"{Area}:{AnswerAction}:{session:N}:{ordinal}:{p}")).ToList(),
    ];

    public static IReadOnlyList<IReadOnlyList<MessageButton>> AfterGame() =>
    [
        [new MessageButton(De.ButtonAgain, Quick), new MessageButton(De.ButtonMenu, CallbackData.Menu(Menus.Main))],
    ];

    /// <summary>Strictly parses the answer arguments; anything else is a forged or stale button.</summary>
    public static bool TryParseAnswer(CallbackData data, out Guid session, out int ordinal, out short position)
    {
        session = Guid.Empty;
        ordinal = -1;
        position = -1;
        return data.Args.Count == 3
            && Guid.TryParseExact(data.Args[0], "N", out session)
            && int.TryParse(data.Args[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ordinal)
            && short.TryParse(data.Args[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out position)
            && position is >= 0 and <= 3;
    }
}
