using System.Text;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;
using Quiz.Core.Tournaments;

namespace Quiz.Bot.Texts;

/// <summary>Texts of a tournament's ranking, the end of a tournament game and the tournament notices.</summary>
public static partial class De
{
    /// <summary>Top 10 (medals for the top three) and the player's own line below when outside; live or final.</summary>
    public static string TournamentStandings(TournamentStandings s, long playerId)
    {
        var t = s.Tournament;
        var text = new StringBuilder($"📊 <b>Rangliste · {Html(t.Title)}</b>\n")
            .Append(s.Final ? "🏁 Endstand" : $"🟢 live – gewertet wird bis {BerlinDate(t.EndsAt)}, {BerlinClock(t.EndsAt)}").Append("\n\n");
        if (s.Top.Count == 0)
        {
            text.Append(s.Final ? "Niemand hat eine Frage beantwortet – es gibt keine Platzierungen." : "Noch hat niemand eine Frage beantwortet. Mach den Anfang!");
            return text.ToString();
        }
        foreach (var line in s.Top) text.Append(StandingText(line, s.Final, line.PlayerId == playerId)).Append('\n');
        if (s.Own is { } own && s.Top.All(l => l.PlayerId != own.PlayerId))
        {
            text.Append("…\n").Append(StandingText(own, s.Final, mine: true)).Append('\n');
        }
        text.Append('\n').Append($"Gewertet: {s.Ranked.ToString("N0", German)}");
        if (s.Own is null)
        {
            text.Append('\n').Append(!t.Joined ? "Du spielst in diesem Turnier nicht mit."
                : s.Final ? "Du hast keine Frage beantwortet und bist deshalb ohne Platzierung."
                : "Du bist noch nicht in der Wertung – sie beginnt mit Deiner ersten Antwort.");
        }
        return text.ToString();
    }

    private static string StandingText(StandingLine line, bool final, bool mine)
    {
        var place = line.Rank switch { 1 => "🥇", 2 => "🥈", 3 => "🥉", var n => $"{n.ToString("N0", German)}." };
        var text = $"{place} {Html(NameOrDefault(line.FirstName))} – {line.Points.ToString("N0", German)} Punkte";
        if (final && line.Reward is { } reward) text += $" · 🎁 {Html(reward)}";
        return mine ? $"<b>{text}</b> ← Du" : text;
    }

    /// <summary>The end of a tournament game: the provisional (or final) place and when the final ranking comes.</summary>
    public static string TournamentGameRank(TournamentStandings s)
    {
        var t = s.Tournament;
        if (s.Own is not { } own) return $"🏆 Turnier „{Html(t.Title)}“: Du hast keine Frage beantwortet und bist deshalb ohne Platzierung.";
        var place = $"Platz {own.Rank.ToString("N0", German)} von {s.Ranked.ToString("N0", German)}";
        return s.Final
            ? $"🏆 Turnier „{Html(t.Title)}“: {place} – das ist der Endstand."
            : $"🏆 Turnier „{Html(t.Title)}“: vorläufig {place}.\nDie Endwertung gibt es {BerlinDate(t.EndsAt)} um {BerlinClock(t.EndsAt)}, wenn das Turnier endet.";
    }

    public static string TournamentStartedNotice(TournamentHeading t) =>
        $"🏆 Das Turnier „{Html(t.Title)}“ hat begonnen! {Count(t.QuestionCount, "Frage", "Fragen")}, ein Versuch – Du hast Zeit bis {BerlinDate(t.EndsAt)}, {BerlinClock(t.EndsAt)}.";

    /// <summary>The notice to every entrant of a cancelled tournament: nothing is ranked, a paid ticket is back.</summary>
    public static string TournamentCancelledNotice(string tournamentTitle, bool ticketReturned) =>
        $"🚫 Das Turnier „{Html(tournamentTitle)}“ wurde leider abgesagt – es wird nicht gewertet."
        + (ticketReturned ? " Dein Turnier-Ticket ist wieder in Deinem Vorrat." : "")
        + " Wir sehen uns beim nächsten Turnier!";

    /// <summary>The player's result after the tournament: place, points and reward, or no placing without an answer.</summary>
    public static string TournamentResultNotice(string tournamentTitle, NoticePlace place, IReadOnlyList<RewardTier>? tiers = null)
    {
        var title = Html(tournamentTitle);
        if (place.Rank is not { } rank) return $"🏁 Das Turnier „{title}“ ist vorbei. Du hast keine Frage beantwortet und bist deshalb ohne Platzierung.";
        var headline = rank == 1 ? $"🏆 <b>Du hast das Turnier „{title}“ gewonnen!</b>" : $"🏁 <b>Das Turnier „{title}“ ist vorbei.</b>";
        var reward = place.Reward is { } tier
            ? $"🎁 Dein Gewinn ({Html(tier)}): {RewardItems(tier, tiers)} – schon in Deinem Vorrat."
            : "Diesmal hat es nicht für einen Gewinn gereicht – beim nächsten Turnier vielleicht!";
        return $"""
            {headline}
            Platz {rank.ToString("N0", German)} von {place.Ranked.ToString("N0", German)} mit {place.Points.ToString("N0", German)} Punkten ({Count(place.CorrectAnswers, "richtige Antwort", "richtige Antworten")}).
            {reward}
            """;
    }

    /// <summary>The answers kept back while the tournament ran; empty when there are none. Telegram's limit cuts the tail safely.</summary>
    public static string TournamentSolutions(IReadOnlyList<TournamentSolution> solutions) =>
        solutions.Count == 0 ? "" : "\n\n🔓 <b>Die Lösungen</b>" + string.Concat(solutions.Select((s, i) =>
            $"\n\n{(i + 1).ToString(German)}. {Html(s.Question)}\n✅ <b>{Html(s.Answer)}</b>\n💡 {Html(s.Explanation)}"));

    /// <summary>"2 Turnier-Tickets und 5 Joker 50:50" for a tier of the tournament's <paramref name="tiers"/> (else the defaults); an unknown tier by its name.</summary>
    public static string RewardItems(string tier, IReadOnlyList<RewardTier>? tiers = null)
    {
        var known = TournamentRewards.Of(tiers).FirstOrDefault(r => r.Name == tier);
        if (known is null || known.Items.Count == 0) return Html(tier);
        var parts = known.Items.Select(i => AssetAmount(i.Kind, i.Amount)).ToList();
        return parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " und " + parts[^1];
    }

    private static string AssetAmount(AssetKind kind, int amount) => kind switch
    {
        AssetKind.TournamentTicket => Count(amount, "Turnier-Ticket", "Turnier-Tickets"),
        AssetKind.Joker => Count(amount, "Joker 50:50", "Joker 50:50"),
        AssetKind.ExtraLife => Count(amount, "Extra-Leben", "Extra-Leben"),
        AssetKind.GameCredit => Count(amount, "Spiel", "Spiele"),
        _ => Count(amount, "Tag Premium", "Tage Premium"),
    };
}
