namespace Quiz.Bot.Texts;

/// <summary>Texts of the game modes, question messages and results.</summary>
public static partial class De
{
    public const string ButtonQuickGame = "🎮 Schnelles Spiel";
    public const string ButtonCategory = "📚 Kategorie";
    public const string ButtonSurvival = "❤️ Überleben";
    public const string ButtonDaily = "📅 Tagesquiz";
    public const string ButtonDuel = "⚔️ Duell";
    public const string ButtonAgain = "🔁 Nochmal";
    public const string ButtonNext = "Weiter ▶️";
    public const string ButtonShare = "📣 Teilen";
    public static string ButtonReport(int number) => $"⚠️ Frage {number} melden";

    public const string QuotaExhausted = "Deine 5 kostenlosen Spiele für heute sind aufgebraucht. Morgen geht es weiter – oder hol Dir im /shop weitere Spiele oder Premium. Das Tagesquiz und Duelle sind immer kostenlos.";
    public const string NoQuestions = "Gerade sind keine Fragen verfügbar. Bitte versuche es später noch einmal.";
    public const string UnknownCategory = "Diese Kategorie gibt es nicht (mehr). Bitte wähle eine aus der Liste.";
    public const string ChooseCategory = "📚 <b>Kategorie wählen</b>\nZehn Fragen aus einem Gebiet Deiner Wahl.";
    public const string DailyAlreadyPlayed = "📅 Du hast das Tagesquiz heute schon gespielt. Morgen gibt es ein neues!";
    public const string SurvivalIntro = "❤️ <b>Überleben</b>\nSo lange, bis Du Dich irrst – und die Fragen werden immer schwerer. Viel Glück!";
    public const string DailyIntro = "📅 <b>Tagesquiz</b>\nHeute für alle dieselben zehn Fragen. Du hast einen Versuch.";
    public const string TimeUp = "⏱ Zeit abgelaufen.";
    public const string QuestionPassed = "Diese Frage ist schon vorbei – die aktuelle steht unten im Chat.";
    public const string AlreadyAnswered = "Deine Antwort auf diese Frage ist schon angekommen.";
    public static readonly string[] Letters = ["A", "B", "C", "D"];

    /// <summary>The question; options a 50:50 joker took away are struck through.</summary>
    public static string Question(Core.Game.QuestionView q, int seconds)
    {
        var header = q.Total is { } t ? $"Frage {q.Ordinal + 1}/{t} · {Html(q.Category)}" : $"Frage {q.Ordinal + 1} · {Html(q.Category)}";
        var lines = q.Options.Select((o, i) => q.Removed.Contains((short)i) ? $"<s>{Letters[i]}) {Html(o)}</s>" : $"{Letters[i]}) {Html(o)}");
        return $"{header}\n\n<b>{Html(q.Text)}</b>\n\n{string.Join('\n', lines)}\n\n⏱ {seconds} Sekunden";
    }

    public static string ButtonJoker(int left) => $"🃏 50:50 ({left.ToString(German)})";
    public const string JokerUsed = "🃏 Zwei falsche Antworten sind weg.";
    public const string JokerNoneLeft = "Du hast keinen Joker mehr – im /shop gibt es Nachschub.";
    public const string JokerNotAllowed = "Im Tagesquiz, im Duell und im Turnier gibt es keine Joker.";

    public static string Verdict(bool late, bool correct, int points, string correctLetter, string correctOption, string explanation)
    {
        var verdict = late ? $"⏱ Zeit abgelaufen. Richtig ist {correctLetter}) {Html(correctOption)}."
            : correct ? $"✅ Richtig! +{points.ToString(German)} Punkte"
            : $"❌ Leider falsch. Richtig ist {correctLetter}) {Html(correctOption)}.";
        return $"{verdict}\n💡 {Html(explanation)}";
    }

    /// <summary>
    /// One message per answer: the verdict on the previous answer as a quote above what comes next (the next question or
    /// the result), so the next question is there at once and the chat reads as question, verdict, question.
    /// </summary>
    public static string VerdictAbove(string verdict, string next) => $"<blockquote>{verdict}</blockquote>\n{next}";

    /// <summary>A running tournament's verdict: right or wrong and the points; the solutions come with the result notice.</summary>
    public static string HiddenVerdict(bool late, bool correct, int points) =>
        (late ? "⏱ Zeit abgelaufen." : correct ? $"✅ Richtig! +{points.ToString(German)} Punkte" : "❌ Leider falsch.")
        + "\n🔒 Die Lösungen gibt es mit dem Turnierergebnis.";

    public const string CreditUsed = "🎟 Deine kostenlosen Spiele für heute sind verbraucht – dieses Spiel zählt als eines Deiner gekauften Spiele.";
    public const string ExtraLifeSaved = "❤️‍🩹 Dein Extra-Leben rettet den Lauf – weiter geht's!";
    public const string Paused = "⏸ Das Spiel pausiert. Tippe auf „Weiter ▶️“, wenn Du bereit bist.";

    public static string Summary(int score, int correct, int total, int bestStreak) =>
        $"""
        🏁 <b>Spiel beendet!</b>
        Punkte: <b>{score.ToString("N0", German)}</b>
        Richtige Antworten: {correct} von {total}
        Beste Serie: {bestStreak}
        """;

    public static string SurvivalSummary(int score, int correct) =>
        $"""
        🏁 <b>Lauf beendet!</b>
        Du hast {Count(correct, "Frage", "Fragen")} in Folge richtig beantwortet.
        Punkte: <b>{score.ToString("N0", German)}</b>
        """;

    public static string DailyRank(int rank, int players) =>
        $"📅 Platz {rank.ToString("N0", German)} von {players.ToString("N0", German)} im heutigen Tagesquiz.";

    public const string IdleEnded = "⌛ Du warst eine Weile nicht da, deshalb ist Dein Spiel beendet.";

    public static string ShareText(int score) =>
        $"Ich habe im Quiz {score.ToString("N0", German)} Punkte geholt. Schaffst Du mehr?";

    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString("N0", German)} {many}";
}
