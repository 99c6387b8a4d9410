using Quiz.Core.Economy;

namespace Quiz.Admin.Texts;

public static partial class AdminTexts
{
    /// <summary>Why a payment was flagged (<see cref="Quiz.Core.Economy.PurchaseFlags"/> codes), in German.</summary>
    public static class PurchaseFlagReasons
    {
        public static string Describe(string reason)
        {
            var (code, values) = PurchaseFlags.Parse(reason);
            return (code, values) switch
            {
                (PurchaseFlags.UnknownInvoice, _) => "Die Zahlung gehört zu keiner Rechnung des Bots.",
                (PurchaseFlags.OtherPayer, _) => "Ein anderer Spieler hat die Rechnung bezahlt.",
                (PurchaseFlags.Currency, [var paid, var invoiced]) => $"Bezahlt in {paid} statt in {invoiced}.",
                (PurchaseFlags.Amount, [var paid, var invoiced]) => $"Bezahlt wurden {Stars(paid)} statt {Stars(invoiced)}.",
                (PurchaseFlags.RenewalWithoutSubscription, _) => "Abo-Verlängerung ohne laufendes Abo.",
                (PurchaseFlags.AlreadyPaid, _) => "Die Rechnung war schon bezahlt.",
                (PurchaseFlags.Expired, _) => "Die Rechnung war schon abgelaufen.",
                _ => $"Sonstiger Grund: {reason}",
            };
        }

        private static string Stars(string amount) =>
            int.TryParse(amount, System.Globalization.CultureInfo.InvariantCulture, out var n) ? AdminFormat.Count(n, "Stern", "Sterne") : amount;
    }
}
