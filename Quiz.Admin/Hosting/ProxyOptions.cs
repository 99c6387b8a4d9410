using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Quiz.Admin.Hosting;

/// <summary>
/// Section <c>Admin:Proxy</c>. Forwarded headers are honoured only from these addresses; empty
/// (the default) means they are not honoured at all.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Admin:Proxy";

    public string[] KnownProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownProxies
            .Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => new ValidationResult($"Admin:Proxy:KnownProxies: '{p}' is not an IP address."));
}
