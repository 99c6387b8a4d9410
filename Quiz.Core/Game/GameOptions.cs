using System.ComponentModel.DataAnnotations;

namespace Quiz.Core.Game;

/// <summary>
/// Operator-tunable timing of the game (configuration section <c>Game</c>). The defaults are the
/// product rules of PRODUCT.md §2–3; tests shorten them to keep the run fast.
/// </summary>
public sealed class GameOptions
{
    public const string Section = "Game";

    /// <summary>Time for one answer, from sent-at to the arrival of the callback.</summary>
    [Range(1, 600)]
    public int AnswerLimitSeconds { get; set; } = 20;

    /// <summary>After the limit the worker waits this long before it reveals the answer and pauses the game.</summary>
    [Range(0, 600)]
    public int RevealGraceSeconds { get; set; } = 5;

    /// <summary>A game whose player was silent this long ends and the result is shown.</summary>
    [Range(1, 24 * 60)]
    public int IdleLimitMinutes { get; set; } = 15;

    /// <summary>
    /// The server secret that keys the shared question sets and the players' option orders in them
    /// (<see cref="Selection.SharedSetSeeds"/>). Required outside Development (at least 32 characters;
    /// the app model generates one); Development without one uses <see cref="DevelopmentSetSecret"/>.
    /// </summary>
    public string? SetSecret { get; set; }

    /// <summary>Public, so only for Development: anyone can compute the sets it draws.</summary>
    public const string DevelopmentSetSecret = "development-only-question-set-secret-not-for-production";

    public const int MinSetSecretLength = 32;

    public string EffectiveSetSecret => string.IsNullOrEmpty(SetSecret) ? DevelopmentSetSecret : SetSecret;

    public TimeSpan AnswerLimit => TimeSpan.FromSeconds(AnswerLimitSeconds);
    public TimeSpan RevealGrace => TimeSpan.FromSeconds(RevealGraceSeconds);
    public TimeSpan IdleLimit => TimeSpan.FromMinutes(IdleLimitMinutes);
}
