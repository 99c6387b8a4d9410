namespace Quiz.Core.Game.Selection;

/// <summary>
/// Anti-repeat windows (PRODUCT.md §4): the same question not within <see cref="QuestionWindow"/>
/// picks, the same correct position not within <see cref="PositionWindow"/>, the same pattern not
/// within <see cref="PatternWindow"/>.
/// </summary>
public sealed record SelectionRules(int QuestionWindow = 300, int PositionWindow = 2, int PatternWindow = 5)
{
    public static readonly SelectionRules Default = new();
}

/// <summary>
/// A question that may be asked; <see cref="PatternKey"/> groups template questions,
/// <see cref="CorrectOption"/> is the content index of its right answer and <see cref="Related"/>
/// lists the questions it must never share a game with (both directions, see <see cref="RelatedQuestions"/>).
/// </summary>
public sealed record Candidate(string Id, string? PatternKey, short CorrectOption = 0, IReadOnlySet<string>? Related = null);

/// <summary>One earlier question of the player, newest last.</summary>
public sealed record HistoryEntry(string QuestionId, short CorrectPosition, string? PatternKey);

/// <summary>
/// Which constraints had to be relaxed to find a question, in the fixed order K, M, N; the game's own
/// patterns and related questions (<see cref="SameGame"/>) only when nothing else is left.
/// </summary>
[Flags]
public enum Relaxation
{
    None = 0,
    Pattern = 1,
    Position = 2,
    QuestionWindowHalved = 4,
    SameGame = 8,
}

/// <summary>
/// The chosen question and its display order: position i (A–D) shows content option
/// <c>OptionOrder[i]</c>; the correct content option lands on <see cref="CorrectPosition"/>.
/// </summary>
public sealed record Pick(string QuestionId, short[] OptionOrder, short CorrectPosition, Relaxation Relaxed, int QuestionWindowUsed);
