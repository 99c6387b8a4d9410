namespace Quiz.Core.Common;

/// <summary>How saving an operator's draft ended (a question, a shop package).</summary>
public enum SaveOutcome
{
    Saved,

    /// <summary>The draft breaks a rule; see <see cref="SaveResult.Errors"/>.</summary>
    Invalid,

    /// <summary>Someone else saved the record after the draft was loaded (edits are optimistic).</summary>
    Conflict,

    NotFound,
}

/// <summary>
/// Result of a create or edit, the same for every console editor so they handle it alike;
/// <see cref="Errors"/> are German and meant for the operator, <see cref="UpdatedAt"/> is the stored version.
/// </summary>
public sealed record SaveResult(SaveOutcome Outcome, IReadOnlyList<string> Errors, DateTimeOffset? UpdatedAt = null)
{
    public static SaveResult Invalid(params IReadOnlyList<string> errors) => new(SaveOutcome.Invalid, errors);
}
