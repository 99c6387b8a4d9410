namespace Quiz.Core.Questions.Stats;

/// <summary>
/// What the players' answers say about one question, kept by <see cref="QuestionStatsRun"/> from <c>answer_events</c> (never written on
/// the answer path). <see cref="CalibratedDifficulty"/> is set once the question has <see cref="CalibrationOptions.MinAnswers"/> answers;
/// below that the authored <see cref="Question.Difficulty"/> counts (<see cref="EffectiveDifficulty"/>).
/// </summary>
public sealed class QuestionStats
{
    public string QuestionId { get; set; } = "";

    /// <summary>Answers recorded, time-outs included.</summary>
    public int Asked { get; set; }
    public int Correct { get; set; }

    /// <summary>Answers recorded without a choice: the time ran out (<c>chosen_position IS NULL</c>).</summary>
    public int TimedOut { get; set; }

    /// <summary>Median time of the latest <see cref="QuestionStatsRun.MedianWindow"/> answers with a choice (time-outs left out); null: none yet.</summary>
    public int? MedianAnswerMs { get; set; }

    /// <summary>Difficulty 1–3 learned from the correct rate; null while the question has too few answers.</summary>
    public short? CalibratedDifficulty { get; set; }

    /// <summary>The last answer event counted in these figures.</summary>
    public long LastAnswerId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The difficulty selection uses: the calibrated one when there is one, else the authored one.</summary>
    public static short EffectiveDifficulty(short authored, short? calibrated) => calibrated ?? authored;
}

/// <summary>How far <see cref="QuestionStatsRun"/> has counted (one row): each run counts only the answer events after it.</summary>
public sealed class QuestionStatsCursor
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>The last answer event counted.</summary>
    public long LastAnswerId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
