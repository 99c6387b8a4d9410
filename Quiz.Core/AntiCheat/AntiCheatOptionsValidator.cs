using Microsoft.Extensions.Options;

namespace Quiz.Core.AntiCheat;

/// <summary>The checks across settings that ranges cannot express; a contradiction stops the service at start.</summary>
public sealed class AntiCheatOptionsValidator : IValidateOptions<AntiCheatOptions>
{
    public ValidateOptionsResult Validate(string? name, AntiCheatOptions options)
    {
        if (options.SteadyMinAnswers > options.SteadyWindow)
        {
            return ValidateOptionsResult.Fail("AntiCheat:SteadyMinAnswers must not exceed AntiCheat:SteadyWindow (the window could never hold enough answers).");
        }
        return ValidateOptionsResult.Success;
    }
}
