using System.ComponentModel.DataAnnotations;

namespace Quiz.Core.Features;

/// <summary>How a replica keeps its switches current (configuration section <c>Features</c>).</summary>
public sealed class FeatureOptions
{
    public const string Section = "Features";

    /// <summary>The fallback read when a change signal was lost (Redis away): a change reaches every replica within this.</summary>
    [Range(1, 300)]
    public int ReloadSeconds { get; set; } = 5;
}
