using Quiz.Core.Game;

namespace Quiz.Core.Operations.Dashboard;

/// <summary>
/// One Berlin day's business figures, written by the worker (<see cref="DailyRollup"/>) so that the console's charts read
/// thirty small rows instead of a month of answers. Recomputed while the day can still change, then left as it is.
/// </summary>
public sealed class DailyFigures
{
    public DateOnly Day { get; set; }

    /// <summary>Players with at least one answer that day.</summary>
    public int ActivePlayers { get; set; }

    /// <summary>Players whose account was created that day.</summary>
    public int NewPlayers { get; set; }

    /// <summary>Of <see cref="NewPlayers"/>, those who answered again within the following seven days; null until those days are over.</summary>
    public int? RetainedPlayers { get; set; }

    public int Answers { get; set; }
    public int CorrectAnswers { get; set; }

    /// <summary>Stars paid that day (every confirmed payment, flagged ones included: Telegram took them).</summary>
    public long StarsGross { get; set; }

    /// <summary>Stars given back that day (by the day of the refund, not of the payment).</summary>
    public long StarsRefunded { get; set; }

    /// <summary>Players with a running Premium subscription at the end of the day (for today: at <see cref="ComputedAt"/>).</summary>
    public int PremiumActive { get; set; }

    /// <summary>Tournament entries made that day.</summary>
    public int TournamentEntrants { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>Games started on one Berlin day in one mode (a row for every mode, zeros included).</summary>
public sealed class DailyModeGames
{
    public DateOnly Day { get; set; }
    public GameMode Mode { get; set; }
    public int Games { get; set; }
}
