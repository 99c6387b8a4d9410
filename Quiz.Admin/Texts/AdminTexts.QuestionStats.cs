using Quiz.Admin.Components.Pages;
using Quiz.Core.Questions;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>The answer statistics on "Fragen": columns and the quick orders.</summary>
    public static class QuestionStats
    {
        public const string Asked = "gestellt";
        public const string Correct = "richtig";
        public const string Median = "Median";
        public const string TimedOut = "Zeit abgelaufen";
        public const string Learned = "gelernt";
        public const string None = "–";
        public const string Order = "Sortierung";
        public const string AskedHint = "Wie oft die Frage beantwortet wurde (mit Zeitüberschreitungen)";
        public const string CorrectHint = "Anteil richtiger Antworten";
        public const string MedianHint = "Median der Antwortzeit (ohne Zeitüberschreitungen)";
        public const string TimedOutHint = "Anteil der Antworten, bei denen die Zeit ablief";
        public const string LearnedHint = "Aus den Antworten gelernte Schwierigkeit; sie gilt für Überleben und den Tagesquiz";

        /// <summary>The quick orders the operator picks from; <see cref="QuestionOrder.Table"/> leaves it to the column headers.</summary>
        public static readonly IReadOnlyList<QuestionOrder> Orders = Enum.GetValues<QuestionOrder>();

        public static string Describe(QuestionOrder order) => order switch
        {
            QuestionOrder.Table => "Nach Spalte",
            QuestionOrder.Easiest => "Leichteste zuerst",
            QuestionOrder.Hardest => "Schwerste zuerst",
            QuestionOrder.MostReported => "Meiste Meldungen",
            QuestionOrder.MostTimedOut => "Meiste Zeitüberschreitungen",
            QuestionOrder.MostAsked => "Am häufigsten gestellt",
            QuestionOrder.Slowest => "Längste Antwortzeit",
            _ => order.ToString(),
        };

        public static string Percent(double? share) => share is { } s ? $"{(s * 100).ToString("N0", AdminFormat.German)} %" : None;

        public static string Time(int? milliseconds) => milliseconds is { } ms ? AdminFormat.Seconds(ms) : None;

        public static string Count(QuestionFigures? figures) => figures is null ? "0" : AdminFormat.Number(figures.Asked);
    }
}
