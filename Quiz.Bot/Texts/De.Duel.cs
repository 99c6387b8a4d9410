using Quiz.Core.Game.Duels;

namespace Quiz.Bot.Texts;

/// <summary>Texts of duels and question reports.</summary>
public static partial class De
{
    public const string DuelIntro = "⚔️ <b>Duell</b>\nSieben Fragen. Danach teilst Du den Link – wer ihn öffnet, spielt dieselben Fragen gegen Dich.";

    public static string DuelAccepted(string challenger) =>
        $"⚔️ <b>Duell gegen {Html(challenger)}</b>\nDieselben sieben Fragen – wer mehr Punkte holt, gewinnt. Los geht's!";

    public static string DuelRefused(DuelOutcome outcome, string? challenger) => outcome switch
    {
        DuelOutcome.OwnDuel => "Das ist Dein eigenes Duell. Teile den Link mit jemandem, der gegen Dich antreten soll.",
        DuelOutcome.AlreadyAccepted => "Dieses Duell hast Du schon angenommen.",
        DuelOutcome.Taken => $"Dieses Duell von {Html(challenger)} hat schon jemand anderes angenommen.",
        DuelOutcome.Expired => $"Dieses Duell von {Html(challenger)} ist abgelaufen. Duelle gelten 48 Stunden.",
        DuelOutcome.NoQuestions => NoQuestions,
        DuelOutcome.TournamentInProgress => TournamentInProgress,
        _ => "Dieses Duell gibt es nicht. Prüfe bitte den Link.",
    };

    public static string DuelWaiting(DateTimeOffset expiresAt) =>
        $"⚔️ Jetzt bist Du dran: Teile Deinen Duell-Link. Wer ihn bis {BerlinTime(expiresAt)} öffnet, spielt dieselben Fragen. Du bekommst das Ergebnis, sobald beide fertig sind.";

    public static string DuelOpponentPlaying(string opponent) =>
        $"⚔️ {Html(opponent)} spielt gerade gegen Dich. Du bekommst das Ergebnis, sobald beide fertig sind.";

    public static string DuelChallengerPlaying(string challenger) =>
        $"⚔️ {Html(challenger)} ist mit dem Duell noch nicht fertig. Du bekommst das Ergebnis, sobald beide fertig sind.";

    public static string DuelResult(DuelView duel)
    {
        var other = duel.Opponent!;
        var headline = duel.Won == true ? "🏆 <b>Du hast das Duell gewonnen!</b>" : "⚔️ <b>Das Duell ist entschieden – diesmal hat es nicht gereicht.</b>";
        var tie = duel.Me.Score == other.Score ? "\nGleich viele Punkte – entschieden hat die schnellere Gesamtzeit." : "";
        return $"""
            {headline}
            Du: {duel.Me.Score.ToString("N0", German)} Punkte, {duel.Me.CorrectCount} von {Duel.QuestionCount} richtig ({Seconds(duel.Me.TotalAnswerMs)})
            {Html(other.FirstName)}: {other.Score.ToString("N0", German)} Punkte, {other.CorrectCount} von {Duel.QuestionCount} richtig ({Seconds(other.TotalAnswerMs)}){tie}
            """;
    }

    public const string DuelExpiredNotice = "⌛ Dein Duell wurde in 48 Stunden von niemandem angenommen und ist abgelaufen. Fordere doch jemand Neues heraus!";

    public static string DuelShareText(int score) => $"Ich fordere Dich zum Quiz-Duell heraus: {score.ToString("N0", German)} Punkte. Schaffst Du mehr?";

    public static readonly string[] ReportReasons = ["Antwort falsch", "Tippfehler", "Unklar", "Veraltet"];
    public const string ReportAsk = "⚠️ <b>Frage melden</b>\nWas stimmt mit dieser Frage nicht?";
    public const string ReportThanks = "Danke! Wir sehen uns die Frage an.";
    public const string ReportDuplicate = "Du hast diese Frage schon gemeldet. Danke!";

    private static string Seconds(long ms) => $"{(ms / 1000.0).ToString("N1", German)} s";

    public static string BerlinTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Core.Common.BerlinDay.Zone).ToString("dd.MM.yyyy, HH:mm 'Uhr'", German);
}
