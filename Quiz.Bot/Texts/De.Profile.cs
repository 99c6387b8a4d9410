using System.Text;
using Quiz.Core.Game;
using Quiz.Core.Game.Stats;

namespace Quiz.Bot.Texts;

/// <summary>Texts of <c>/profil</c> and <c>/bestenliste</c>.</summary>
public static partial class De
{
    public static string ModeName(GameMode mode) => mode switch
    {
        GameMode.Quick => "Schnelles Spiel",
        GameMode.Category => "Kategorie",
        GameMode.Survival => "Überleben",
        GameMode.Daily => "Tagesquiz",
        GameMode.Duel => "Duell",
        _ => "Turnier",
    };

    public static string Profile(string firstName, PlayerProfile profile)
    {
        var text = new StringBuilder($"👤 <b>Profil von {Html(NameOrDefault(firstName))}</b>\n\n");
        if (profile.GamesPlayed == 0 && profile.Answers == 0)
        {
            text.Append("Du hast noch kein Spiel beendet. Leg los mit /spielen oder dem /tagesquiz!\n");
        }
        else
        {
            text.Append($"Beendete Spiele: {Number(profile.GamesPlayed)}\n");
            if (profile.Accuracy is { } accuracy)
            {
                text.Append($"Trefferquote: {Percent(accuracy)} ({Number(profile.CorrectAnswers)} von {Count(profile.Answers, "Antwort", "Antworten")} richtig)\n");
            }
            if (profile.BestByMode.Count > 0) text.Append("\n<b>Bestwerte</b>\n");
            foreach (var mode in profile.BestByMode) text.Append(BestLine(mode, profile.SurvivalRecord)).Append('\n');
        }
        text.Append('\n').Append(StreakLine(profile.DailyStreak)).Append('\n');
        if (profile.TodayDaily is { } today)
        {
            text.Append($"Heute: Platz {Number(today.Rank)} von {Number(today.Participants)} ({Number(today.Points)} Punkte)\n");
        }
        else if (profile.DailyStreak.PlayedToday)
        {
            text.Append("Heute: Dein Tagesquiz läuft noch.\n");
        }
        if (profile.Holdings is { } holdings) text.Append('\n').Append(HoldingsBlock(holdings)).Append('\n');
        return text.ToString().TrimEnd();
    }

    public static string BoardButton(BoardKind kind) => kind switch
    {
        BoardKind.Today => "Heute",
        BoardKind.Week => "Woche",
        _ => "Überleben",
    };

    /// <summary>A board: medals for the top three, the player's own line in bold (also below the top).</summary>
    public static string Leaderboard(Leaderboard board, long playerId)
    {
        var text = new StringBuilder(BoardTitle(board)).Append("\n\n");
        if (board.Top.Count == 0)
        {
            text.Append(board.Kind == BoardKind.Survival
                ? "Noch hat niemand einen Überleben-Lauf beendet. Mach den Anfang – im Menü unter „Überleben“."
                : "Noch hat niemand das Tagesquiz beendet. Mach den Anfang mit /tagesquiz!");
            return text.ToString();
        }
        foreach (var entry in board.Top) text.Append(BoardLine(board.Kind, entry, entry.PlayerId == playerId)).Append('\n');
        if (board.Me is { } me && board.Top.All(e => e.PlayerId != me.PlayerId))
        {
            text.Append("…\n").Append(BoardLine(board.Kind, me, mine: true)).Append('\n');
        }
        text.Append('\n').Append($"Dabei: {Number(board.Participants)}");
        if (board.Me is null)
        {
            text.Append('\n').Append(board.Kind == BoardKind.Survival
                ? "Du hast noch keinen Überleben-Lauf beendet."
                : "Du bist noch nicht dabei – spiel das /tagesquiz!");
        }
        return text.ToString();
    }

    private static string BoardTitle(Leaderboard board) => (board.Kind, board.From, board.To) switch
    {
        (BoardKind.Today, { } day, _) => $"🏆 <b>Tagesquiz heute</b> · {day.ToString("dd.MM.yyyy", German)}",
        (BoardKind.Week, { } from, { } to) => $"🏆 <b>Tagesquiz diese Woche</b> · {from.ToString("dd.MM.", German)}–{to.ToString("dd.MM.yyyy", German)}",
        _ => "🏆 <b>Überleben – die Rekorde</b>",
    };

    private static string BoardLine(BoardKind kind, BoardEntry entry, bool mine)
    {
        var place = entry.Rank switch { 1 => "🥇", 2 => "🥈", 3 => "🥉", var n => $"{Number(n)}." };
        var result = kind switch
        {
            BoardKind.Today => $"{Number(entry.Points)} Punkte · {TotalTime(entry.TotalAnswerMs)}",
            BoardKind.Week => $"{Number(entry.Points)} Punkte · {Count(entry.Games, "Tag", "Tage")}",
            _ => $"{Number(entry.CorrectAnswers)} richtig · {Number(entry.Points)} Punkte",
        };
        var line = $"{place} {Html(NameOrDefault(entry.FirstName))} – {result}";
        return mine ? $"<b>{line}</b> ← Du" : line;
    }

    private static string BestLine(ModeBest mode, SurvivalRecord? record) =>
        mode.Mode == GameMode.Survival && record is not null
            ? $"{ModeName(mode.Mode)}: {Count(record.CorrectAnswers, "richtige Antwort", "richtige Antworten")} in Folge ({Number(record.Points)} Punkte)"
            : $"{ModeName(mode.Mode)}: {Number(mode.BestScore)} Punkte · {Count(mode.Games, "Spiel", "Spiele")}";

    private static string StreakLine(DailyStreak streak) => streak switch
    {
        { Days: 0 } => "📅 Tagesquiz-Serie: noch keine – starte sie heute mit /tagesquiz.",
        { PlayedToday: true } => $"📅 Tagesquiz-Serie: {Count(streak.Days, "Tag", "Tage")} in Folge",
        _ => $"📅 Tagesquiz-Serie: {Count(streak.Days, "Tag", "Tage")} – spiel heute das /tagesquiz, damit sie weiterläuft.",
    };

    private static string HoldingsBlock(PlayerHoldings holdings)
    {
        var block = $"🎒 <b>Dein Vorrat</b>\nSpiele: {Number(holdings.Games)} · Extra-Leben: {Number(holdings.ExtraLives)} · Joker 50:50: {Number(holdings.Jokers)} · Turnier-Tickets: {Number(holdings.TournamentTickets)}";
        return holdings.PremiumUntil is { } until ? $"{block}\nPremium bis {BerlinTime(until)}" : block;
    }

    private static string NameOrDefault(string firstName) => string.IsNullOrWhiteSpace(firstName) ? "Unbekannt" : firstName;

    private static string Number(long n) => n.ToString("N0", German);

    /// <summary>German style with a no-break space before the sign, so "83 %" never wraps.</summary>
    private static string Percent(double share) => $"{Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("N0", German)}\u00A0%";

    private static string TotalTime(long ms) => $"{(ms / 1000.0).ToString("N1", German)}\u00A0s";
}
