namespace Quiz.Core.Game;

/// <summary>The fixed rules of the modes that exist so far (PRODUCT.md §3).</summary>
public static class GameRules
{
    public const int QuickQuestionCount = 10;
    public static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(20);

    /// <summary>Modes that cost one game from the free quota (or, later, a credit).</summary>
    public static bool CostsAGame(GameMode mode) => mode is GameMode.Quick or GameMode.Category or GameMode.Survival;

    public static int? QuestionCount(GameMode mode) => mode switch
    {
        GameMode.Quick or GameMode.Category or GameMode.Daily => QuickQuestionCount,
        GameMode.Duel => 7,
        _ => null,
    };
}
