namespace Quiz.Core.Game;

/// <summary>The fixed rules of the modes (PRODUCT.md §3); timing is in <see cref="GameOptions"/>.</summary>
public static class GameRules
{
    public const int QuickQuestionCount = 10;

    /// <summary>Überleben gets harder: difficulty 1 for the first five questions, 2 for the next five, then 3.</summary>
    public const int SurvivalStepLength = 5;

    /// <summary>Modes that cost one game from the free quota (or, with the economy, a credit).</summary>
    public static bool CostsAGame(GameMode mode) => mode is GameMode.Quick or GameMode.Category or GameMode.Survival;

    /// <summary>Modes whose questions come from one shared, stored set.</summary>
    public static bool UsesSharedSet(GameMode mode) => mode is GameMode.Daily or GameMode.Duel or GameMode.Tournament;

    /// <summary>The 50:50 joker works in the modes a player plays alone; shared-set games stay equal for everyone.</summary>
    public static bool AllowsJoker(GameMode mode) => mode is GameMode.Quick or GameMode.Category or GameMode.Survival;

    /// <summary>
    /// A tournament keeps its answers to itself while it runs (the verdict says ✅/❌ and points): the
    /// correct options and explanations come with the result notice, so nobody passes them on.
    /// </summary>
    public static bool RevealsAnswersWhilePlaying(GameMode mode) => mode != GameMode.Tournament;

    public static int? QuestionCount(GameMode mode) => mode switch
    {
        GameMode.Quick or GameMode.Category or GameMode.Daily => QuickQuestionCount,
        GameMode.Duel => Duels.Duel.QuestionCount,
        _ => null,
    };

    /// <summary>
    /// The Tagesquiz mix, 40/40/20 like the bank's target and rising: four easy, four medium, then the hard ones (by effective
    /// difficulty, <see cref="QuestionSets.Choose"/>).
    /// </summary>
    public static short DailyDifficulty(int ordinal) => ordinal switch { < 4 => 1, < 8 => 2, _ => 3 };

    /// <summary>The difficulty an Überleben run asks at <paramref name="ordinal"/> (effective difficulty, <see cref="QuestionBankCache"/>).</summary>
    public static short SurvivalDifficulty(int ordinal) => (short)Math.Min(3, 1 + (ordinal / SurvivalStepLength));
}
