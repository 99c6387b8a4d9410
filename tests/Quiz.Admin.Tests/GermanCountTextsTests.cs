using Quiz.Admin.Texts;
using Quiz.Core.Economy;

namespace Quiz.Admin.Tests;

/// <summary>Every count the console shows takes the German singular for one, never "Zahlung(en)".</summary>
public sealed class GermanCountTextsTests
{
    public static TheoryData<string, string> Texts() => new()
    {
        { AdminTexts.Tournaments.RankedCount(1), "1 gewerteter Spieler" },
        { AdminTexts.Tournaments.RankedCount(2), "2 gewertete Spieler" },
        { AdminTexts.Purchases.FlaggedAlert(1), "1 auffällige Zahlung wartet auf eine Entscheidung." },
        { AdminTexts.Purchases.FlaggedAlert(1200), "1.200 auffällige Zahlungen warten auf eine Entscheidung." },
        { AdminTexts.Purchases.FailedAlert(1), "Telegram hat 1 Erstattung abgelehnt; der Spieler hat seine Sterne nicht zurück." },
        { AdminTexts.Purchases.FailedAlert(3), "Telegram hat 3 Erstattungen abgelehnt; die Spieler haben ihre Sterne nicht zurück." },
        { AdminTexts.Overview.FailedRefunds(1), "Telegram hat 1 Erstattung abgelehnt – bitte unter „Käufe“ erneut erstatten oder als erledigt markieren." },
        { AdminTexts.Players.FlagsOpen(1), "1 offene Markierung" },
        { AdminTexts.Players.FlagsOpen(2), "2 offene Markierungen" },
        { AdminTexts.Players.Score(1, 1), "1 Punkt, 1 richtig" },
        { AdminTexts.Players.Score(250, 3), "250 Punkte, 3 richtig" },
        { AdminTexts.Reconciliation.OpenAlert(1), "1 offene Abweichung zwischen Telegram und den Käufen wartet auf Klärung." },
        { AdminTexts.Reconciliation.OpenAlert(2), "2 offene Abweichungen zwischen Telegram und den Käufen warten auf Klärung." },
        { AdminTexts.Support.OpenAlert(1), "1 offener Fall wartet auf eine Antwort." },
        { AdminTexts.Support.OpenAlert(4), "4 offene Fälle warten auf eine Antwort." },
        { AdminTexts.Shop.Describe(new Contents(1, 1, 1, 1, 1)), "1 Spiel, 1 Extra-Leben, 1 Joker, 1 Turnier-Ticket, 1 Premium-Tag" },
        { AdminTexts.Shop.Describe(new Contents(5, 2, 3, 2, 30)), "5 Spiele, 2 Extra-Leben, 3 Joker, 2 Turnier-Tickets, 30 Premium-Tage" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_count_names_its_noun_in_the_right_number(string actual, string expected) => Assert.Equal(expected, actual);
}
