using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Quiz.Core.Questions.Stats;

/// <summary>
/// The question statistics job and the difficulty calibration (configuration section <c>Calibration</c>). Why these defaults:
/// the decision record on learned difficulty in docs/decisions.
/// </summary>
public sealed class CalibrationOptions
{
    public const string Section = "Calibration";

    /// <summary>A question is calibrated once it has at least this many answers (time-outs included); below it keeps its authored difficulty.</summary>
    [Range(1, 1_000_000)]
    public int MinAnswers { get; set; } = 50;

    /// <summary>At least this share of correct answers (percent) makes a calibrated question easy (1).</summary>
    [Range(1, 100)]
    public int EasyMinCorrectPercent { get; set; } = 70;

    /// <summary>Below this share of correct answers (percent) a calibrated question is hard (3); in between it is medium (2).</summary>
    [Range(1, 100)]
    public int HardBelowCorrectPercent { get; set; } = 40;

    /// <summary>The job counts answer events only once they are this old, so one still in an open transaction cannot be passed by the cursor.</summary>
    [Range(1, 3600)]
    public int SettleSeconds { get; set; } = 60;

    /// <summary>At most this many answer events per run; a backlog is finished by the following runs.</summary>
    [Range(100, 1_000_000)]
    public int BatchMaxAnswers { get; set; } = 50_000;
}

/// <summary>The thresholds must leave room for "medium": hard-below may not exceed easy-from.</summary>
public sealed class CalibrationOptionsValidator : IValidateOptions<CalibrationOptions>
{
    public ValidateOptionsResult Validate(string? name, CalibrationOptions options) =>
        options.HardBelowCorrectPercent > options.EasyMinCorrectPercent
            ? ValidateOptionsResult.Fail(
                "Calibration:HardBelowCorrectPercent must not exceed Calibration:EasyMinCorrectPercent (a question cannot be easy and hard at once).")
            : ValidateOptionsResult.Success;
}
