using Quiz.Core.Questions;

namespace Quiz.Admin.Components.Pages;

/// <summary>The quick orders of "Fragen"; <see cref="Table"/> leaves the order to the column headers.</summary>
public enum QuestionOrder
{
    Table,
    Easiest,
    Hardest,
    MostReported,
    MostTimedOut,
    MostAsked,
    Slowest,
}

public static class QuestionOrders
{
    /// <summary>The list order a quick order means; null for <see cref="QuestionOrder.Table"/>.</summary>
    public static (QuestionSort Sort, bool Descending)? Sort(this QuestionOrder order) => order switch
    {
        QuestionOrder.Easiest => (QuestionSort.CorrectRate, true),
        QuestionOrder.Hardest => (QuestionSort.CorrectRate, false),
        QuestionOrder.MostReported => (QuestionSort.OpenReports, true),
        QuestionOrder.MostTimedOut => (QuestionSort.TimeoutRate, true),
        QuestionOrder.MostAsked => (QuestionSort.Asked, true),
        QuestionOrder.Slowest => (QuestionSort.MedianAnswerTime, true),
        _ => null,
    };
}
