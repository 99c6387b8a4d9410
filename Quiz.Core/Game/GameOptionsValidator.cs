using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Quiz.Core.Game;

/// <summary>
/// Outside Development the shared sets must be keyed with a real secret: a missing, short or
/// development secret stops the service at start with a message that names the setting (never its value).
/// </summary>
public sealed class GameOptionsValidator(IHostEnvironment environment) : IValidateOptions<GameOptions>
{
    public ValidateOptionsResult Validate(string? name, GameOptions options)
    {
        var secret = options.SetSecret;
        if (!string.IsNullOrEmpty(secret) && secret.Length < GameOptions.MinSetSecretLength)
        {
            return ValidateOptionsResult.Fail($"Game:SetSecret must have at least {GameOptions.MinSetSecretLength} characters.");
        }
        if (!environment.IsDevelopment() && (string.IsNullOrEmpty(secret) || secret == GameOptions.DevelopmentSetSecret))
        {
            return ValidateOptionsResult.Fail(
                $"Game:SetSecret must be set outside Development (at least {GameOptions.MinSetSecretLength} characters): it keys the shared question sets, so they cannot be computed in advance.");
        }
        return ValidateOptionsResult.Success;
    }
}
