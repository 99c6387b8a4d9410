using System.Globalization;
using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Features;
using Quiz.Core.Game;
using Quiz.Core.Messaging;

namespace Quiz.Bot.Handlers;

/// <summary>
/// Callback data of the game (≤ 64 bytes each): <c>game:quick</c>, <c>game:survival</c>,
/// <c>game:daily</c>, <c>game:duel</c>, <c>game:cats</c>, <c>game:cat:&lt;id&gt;</c>,
/// <c>game:answer:&lt;session&gt;:&lt;ordinal&gt;:&lt;position&gt;</c>, <c>game:next:&lt;session&gt;</c>,
/// <c>game:joker:&lt;session&gt;:&lt;ordinal&gt;</c>,
/// <c>q:report:&lt;question&gt;</c>, <c>q:reason:&lt;question&gt;:&lt;reason&gt;</c>.
/// </summary>
public static class GameButtons
{
    public const string Area = "game";
    public const string ReportArea = "q";
    public const string QuickAction = "quick";
    public const string SurvivalAction = "survival";
    public const string DailyAction = "daily";
    public const string DuelAction = "duel";
    public const string CategoriesAction = "cats";
    public const string CategoryAction = "cat";
    public const string AnswerAction = "answer";
    public const string NextAction = "next";
    public const string JokerAction = "joker";
    public const string ReportAction = "report";
    public const string ReasonAction = "reason";

    public const string Quick = "game:quick";
    public const string Survival = "game:survival";
    public const string Daily = "game:daily";
    public const string Duel = "game:duel";
    public const string Categories = "game:cats";

    /// <summary>A button per option still in play, and the 50:50 joker while the player holds one and has not used it here.</summary>
    public static IReadOnlyList<IReadOnlyList<MessageButton>> Answers(QuestionView q)
    {
        List<IReadOnlyList<MessageButton>> rows =
        [
            Enumerable.Range(0, 4).Where(p => !q.Removed.Contains((short)p))
                .Select(p => new MessageButton(De.Letters[p], $"{Area}:{AnswerAction}:{q.SessionId:N}:{q.Ordinal}:{p}")).ToList(),
        ];
        if (q.JokersLeft > 0) rows.Add([new MessageButton(De.ButtonJoker(q.JokersLeft), $"{Area}:{JokerAction}:{q.SessionId:N}:{q.Ordinal}")]);
        return rows;
    }

    /// <summary>"⚠️ Frage n melden" for the question with that ordinal: a message can show two questions (a verdict above the next one).</summary>
    public static IReadOnlyList<MessageButton> Report(string questionId, int ordinal) =>
        [new MessageButton(De.ButtonReport(ordinal + 1), $"{ReportArea}:{ReportAction}:{questionId}")];

    public static IReadOnlyList<IReadOnlyList<MessageButton>> Paused(Guid session, string questionId, int ordinal) =>
        [[new MessageButton(De.ButtonNext, $"{Area}:{NextAction}:{session:N}"), .. Report(questionId, ordinal)]];

    public static IReadOnlyList<IReadOnlyList<MessageButton>> ReportReasons(string questionId) =>
    [
        .. De.ReportReasons.Select((r, i) => (IReadOnlyList<MessageButton>)[new MessageButton(r, $"{ReportArea}:{ReasonAction}:{questionId}:{i}")]),
    ];

    /// <summary>"Nochmal" for the same mode (the Tagesquiz and a tournament have no second attempt; a paused mode neither), "Menü", and "Teilen".</summary>
    public static IReadOnlyList<IReadOnlyList<MessageButton>> AfterGame(GameMode mode, string? categoryId, string shareUrl, FeatureSet features)
    {
        var again = mode switch
        {
            GameMode.Category when categoryId is not null => $"{Area}:{CategoryAction}:{categoryId}",
            GameMode.Survival => Survival,
            GameMode.Duel => Duel,
            GameMode.Daily or GameMode.Tournament => null,
            _ => Quick,
        };
        List<MessageButton> first = again is null || !features.Open(mode) ? [] : [new MessageButton(De.ButtonAgain, again)];
        first.Add(new MessageButton(De.ButtonMenu, Menus.Data(Menus.Main)));
        return [first, [new MessageButton(De.ButtonShare, Url: shareUrl)]];
    }

    public static IReadOnlyList<IReadOnlyList<MessageButton>> CategoryList(IReadOnlyList<(string Id, string Name)> categories) =>
    [
        .. categories.Chunk(2).Select(pair => (IReadOnlyList<MessageButton>)pair.Select(c => new MessageButton(c.Name, $"{Area}:{CategoryAction}:{c.Id}")).ToList()),
        [new MessageButton(De.ButtonMenu, Menus.Data(Menus.Main))],
    ];

    /// <summary>Strictly parses the answer arguments; anything else is a forged or stale button.</summary>
    public static bool TryParseAnswer(CallbackData data, out Guid session, out int ordinal, out short position)
    {
        session = Guid.Empty;
        ordinal = -1;
        position = -1;
        return data.Args.Count == 3
            && Guid.TryParseExact(data.Args[0], "N", out session)
            && int.TryParse(data.Args[1], NumberStyles.None, CultureInfo.InvariantCulture, out ordinal)
            && short.TryParse(data.Args[2], NumberStyles.None, CultureInfo.InvariantCulture, out position)
            && position is >= 0 and <= 3;
    }

    public static bool TryParseQuestion(CallbackData data, out Guid session, out int ordinal)
    {
        session = Guid.Empty;
        ordinal = -1;
        return data.Args.Count == 2
            && Guid.TryParseExact(data.Args[0], "N", out session)
            && int.TryParse(data.Args[1], NumberStyles.None, CultureInfo.InvariantCulture, out ordinal);
    }

    public static bool TryParseSession(CallbackData data, out Guid session)
    {
        session = Guid.Empty;
        return data.Args.Count == 1 && Guid.TryParseExact(data.Args[0], "N", out session);
    }

    public static bool TryParseReason(CallbackData data, out string questionId, out Core.Questions.ReportReason reason)
    {
        questionId = data.Args.Count > 0 ? data.Args[0] : "";
        reason = default;
        if (data.Args.Count != 2 || !int.TryParse(data.Args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return false;
        reason = (Core.Questions.ReportReason)index;
        return Enum.IsDefined(reason);
    }
}
