using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Quiz.Admin.Api;

/// <summary>Section <c>Admin:Api</c>.</summary>
public sealed class AdminApiOptions : IValidatableObject
{
    public const string Section = "Admin:Api";
    public const int MinimumTokenLength = 32;

    /// <summary>Used when <see cref="AllowedNetworks"/> is empty: this machine only.</summary>
    public static readonly string[] DefaultNetworks = ["127.0.0.0/8", "::1/128"];

    [Required, MinLength(MinimumTokenLength)]
    public string Token { get; set; } = "";

    /// <summary>
    /// CIDR networks allowed to call the API. Left empty in code because the configuration binder
    /// appends to, rather than replaces, a pre-filled array.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];

    public IReadOnlyList<IPNetwork> Networks() =>
        [.. (AllowedNetworks.Length == 0 ? DefaultNetworks : AllowedNetworks).Select(n => IPNetwork.Parse(n.Trim()))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AllowedNetworks
            .Where(n => !IPNetwork.TryParse(n.Trim(), out _))
            .Select(n => new ValidationResult($"Admin:Api:AllowedNetworks: '{n}' is not a CIDR network."));
}
