using System.Globalization;

namespace Quiz.Core.Economy;

/// <summary>
/// Why a payment was flagged instead of granted, stored in <see cref="Purchase.FlagReason"/> as a stable code
/// (with its values after colons, e.g. <c>amount:50:100</c>); the console words it in German.
/// </summary>
public static class PurchaseFlags
{
    public const string UnknownInvoice = "unknown_invoice";
    public const string OtherPayer = "other_payer";

    /// <summary><c>currency:&lt;paid&gt;:&lt;invoiced&gt;</c></summary>
    public const string Currency = "currency";

    /// <summary><c>amount:&lt;paid&gt;:&lt;invoiced&gt;</c></summary>
    public const string Amount = "amount";

    public const string RenewalWithoutSubscription = "renewal_without_subscription";
    public const string AlreadyPaid = "already_paid";
    public const string Expired = "expired";

    public static string Mismatch(string code, object paid, object invoiced) =>
        string.Create(CultureInfo.InvariantCulture, $"{code}:{paid}:{invoiced}");

    /// <summary>The code and its values of a stored reason.</summary>
    public static (string Code, string[] Values) Parse(string reason)
    {
        var parts = reason.Split(':');
        return (parts[0], parts[1..]);
    }
}
