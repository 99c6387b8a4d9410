using System.ComponentModel.DataAnnotations;

namespace Quiz.Core.AntiCheat;

/// <summary>
/// Thresholds of the cheat detectors (configuration section <c>AntiCheat</c>). The defaults and why they were chosen:
/// the anti-cheat decision record in docs/decisions; the false-flag rate they give on a simulated population: docs/benchmarks.md.
/// </summary>
public sealed class AntiCheatOptions
{
    public const string Section = "AntiCheat";

    /// <summary>Reading speed for question and options (80 characters/s ≈ 650 words per minute, faster than skimming).</summary>
    [Range(10, 1000)]
    public int ReadingCharsPerSecond { get; set; } = 80;

    /// <summary>The least time to see, decide and tap, on top of the reading time.</summary>
    [Range(0, 5000)]
    public int MinReactionMs { get; set; } = 400;

    /// <summary>FastAnswers: this many answers under the reading time in one game raise the flag.</summary>
    [Range(1, 100)]
    public int FastAnswersPerGame { get; set; } = 3;

    /// <summary>SteadyPerfect: how many of a player's latest answers are looked at.</summary>
    [Range(5, 500)]
    public int SteadyWindow { get; set; } = 50;

    /// <summary>SteadyPerfect: at least this many answers in the window.</summary>
    [Range(5, 500)]
    public int SteadyMinAnswers { get; set; } = 30;

    /// <summary>SteadyPerfect: at least this share of correct answers, in percent.</summary>
    [Range(50, 100)]
    public int SteadyMinAccuracyPercent { get; set; } = 95;

    /// <summary>SteadyPerfect: at most this coefficient of variation (standard deviation / mean) of the answer times, in percent.</summary>
    [Range(1, 100)]
    public int SteadyMaxVariationPercent { get; set; } = 15;

    /// <summary>Lockstep: two answers "at nearly the same moment" arrive at most this far apart.</summary>
    [Range(100, 60_000)]
    public int LockstepMaxGapMs { get; set; } = 3500;

    /// <summary>Lockstep: at least this many questions of one shared set with the same option at nearly the same moment.</summary>
    [Range(2, 100)]
    public int LockstepMinMatches { get; set; } = 6;

    /// <summary>Lockstep: and at least this share of the questions both answered, in percent.</summary>
    [Range(50, 100)]
    public int LockstepMinSharePercent { get; set; } = 90;

    /// <summary>FreshCluster: an account this young (hours) when it played a duel counts as fresh.</summary>
    [Range(1, 24 * 60)]
    public int FreshAccountHours { get; set; } = 72;

    /// <summary>FreshCluster: this many fresh accounts losing duels to one player within <see cref="FreshClusterDays"/>.</summary>
    [Range(2, 1000)]
    public int FreshClusterMinAccounts { get; set; } = 4;

    [Range(1, 365)]
    public int FreshClusterDays { get; set; } = 7;

    /// <summary>RefundAbuse: this many refunds of goods already (partly) used within <see cref="RefundWindowDays"/>.</summary>
    [Range(1, 100)]
    public int RefundAbuseMinRefunds { get; set; } = 2;

    [Range(1, 3650)]
    public int RefundWindowDays { get; set; } = 90;

    /// <summary>The batch reads answers only once they are this old, so a transaction still open cannot be skipped by the cursor.</summary>
    [Range(1, 3600)]
    public int SettleSeconds { get; set; } = 60;

    /// <summary>At most this many new answers per batch run; a backlog is finished by the following runs.</summary>
    [Range(100, 1_000_000)]
    public int BatchMaxAnswers { get; set; } = 20_000;

    /// <summary>Players at or above this score are held out of rankings until reviewed; null: off.</summary>
    [Range(1, 100)]
    public int? HoldScore { get; set; }
}
