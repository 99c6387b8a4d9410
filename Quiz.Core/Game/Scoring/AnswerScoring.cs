namespace Quiz.Core.Game.Scoring;

/// <summary>
/// Points for one answer (PRODUCT.md §3): correct = 100 plus a speed bonus of up to 50, linear in
/// the share of the time limit left when the answer arrived on the server; wrong or late = 0.
/// </summary>
public static class AnswerScoring
{
    public const int CorrectPoints = 100;
    public const int MaxSpeedBonus = 50;

    public static int Points(bool correct, TimeSpan elapsed, TimeSpan limit)
    {
        if (!correct || limit <= TimeSpan.Zero || elapsed > limit) return 0;
        var left = elapsed <= TimeSpan.Zero ? 1.0 : 1.0 - elapsed / limit;
        return CorrectPoints + (int)Math.Floor(MaxSpeedBonus * left);
    }

    /// <summary>Late means: arrived after the deadline; such an answer counts as wrong.</summary>
    public static bool IsLate(DateTimeOffset sentAt, DateTimeOffset arrivedAt, TimeSpan limit) => arrivedAt - sentAt > limit;
}
