namespace Quiz.Core.Game.Scoring;

/// <summary>A finished attempt as rankings see it.</summary>
public sealed record RankedResult(long PlayerId, int Points, int CorrectAnswers, long TotalAnswerMs, DateTimeOffset FinishedAt);

/// <summary>
/// The tie-break everywhere (PRODUCT.md §3): points desc, total answer time asc, finished-at asc,
/// player id asc. Überleben ranks by correct answers first. Total order: no two results tie.
/// </summary>
public sealed class ResultOrder(bool correctAnswersFirst = false) : IComparer<RankedResult>
{
    public static readonly ResultOrder Standard = new();
    public static readonly ResultOrder Survival = new(correctAnswersFirst: true);

    public int Compare(RankedResult? x, RankedResult? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return 1;
        if (y is null) return -1;
        var byCorrect = correctAnswersFirst ? y.CorrectAnswers.CompareTo(x.CorrectAnswers) : 0;
        if (byCorrect != 0) return byCorrect;
        var byPoints = y.Points.CompareTo(x.Points);
        if (byPoints != 0) return byPoints;
        var byTime = x.TotalAnswerMs.CompareTo(y.TotalAnswerMs);
        if (byTime != 0) return byTime;
        var byFinish = x.FinishedAt.CompareTo(y.FinishedAt);
        return byFinish != 0 ? byFinish : x.PlayerId.CompareTo(y.PlayerId);
    }
}
