using System.Globalization;
using System.Text.RegularExpressions;

namespace Quiz.Core.Economy.Admin;

/// <summary>
/// The rules a package must obey, in German for the operator. They mirror the table's check
/// constraints (which stay the last word) and Telegram's invoice limits: title 1–32 and
/// description 1–255 characters, a price in Stars, a subscription always lasts 30 days.
/// </summary>
public static partial class PackageRules
{
    public const int MaxIdLength = 40;
    public const int MaxTitleLength = 32;
    public const int MaxDescriptionLength = 255;
    public const int MinPrice = 1;
    public const int MaxPrice = 10_000;

    /// <summary>Keeps the sum in the contents check far from integer overflow; no real offer comes close.</summary>
    public const int MaxAmount = 10_000;

    public const int SubscriptionDays = 30;

    public static List<string> Problems(PackageDraft draft)
    {
        var problems = new List<string>();
        if (draft.Id.Length == 0) problems.Add("Die ID fehlt.");
        else if (draft.Id.Length > MaxIdLength) problems.Add($"Die ID darf höchstens {MaxIdLength} Zeichen lang sein.");
        else if (!Slug().IsMatch(draft.Id))
        {
            problems.Add("Die ID besteht nur aus Kleinbuchstaben (a–z), Ziffern und einzelnen Bindestrichen dazwischen, z. B. „spiele-10“.");
        }

        if (draft.Title.Length == 0) problems.Add("Der Titel fehlt.");
        else if (draft.Title.Length > MaxTitleLength) problems.Add($"Der Titel darf höchstens {MaxTitleLength} Zeichen lang sein (Telegram-Rechnung).");
        if (draft.Description.Length == 0) problems.Add("Die Beschreibung fehlt.");
        else if (draft.Description.Length > MaxDescriptionLength)
        {
            problems.Add($"Die Beschreibung darf höchstens {MaxDescriptionLength} Zeichen lang sein (Telegram-Rechnung).");
        }

        if (draft.PriceStars is < MinPrice or > MaxPrice) problems.Add($"Der Preis muss zwischen {MinPrice} und {German(MaxPrice)} Sternen liegen.");

        (string Name, int Amount)[] amounts =
        [
            ("Spiele", draft.Contents.Games), ("Extra-Leben", draft.Contents.ExtraLives), ("Joker", draft.Contents.Jokers),
            ("Turnier-Tickets", draft.Contents.TournamentTickets), ("Premium-Tage", draft.Contents.PremiumDays),
        ];
        foreach (var (name, amount) in amounts.Where(a => a.Amount is < 0 or > MaxAmount))
        {
            problems.Add($"„{name}“ muss zwischen 0 und {German(MaxAmount)} liegen.");
        }
        if (amounts.All(a => a.Amount <= 0)) problems.Add("Das Paket muss etwas enthalten (Spiele, Extra-Leben, Joker, Turnier-Tickets oder Premium-Tage).");
        if (draft.IsSubscription && draft.Contents.PremiumDays != SubscriptionDays)
        {
            problems.Add($"Ein Abo verlängert sich alle {SubscriptionDays} Tage: Premium-Tage müssen genau {SubscriptionDays} sein.");
        }
        return problems;
    }

    private static string German(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("de-DE"));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
