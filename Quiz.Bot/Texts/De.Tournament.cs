using System.Text;
using Quiz.Core.Tournaments;

namespace Quiz.Bot.Texts;

/// <summary>Texts of <c>/turniere</c>: the list, one tournament, joining and starting to play.</summary>
public static partial class De
{
    public const string ButtonTournaments = "🏆 Turniere";
    public const string ButtonJoin = "✍️ Anmelden";
    public const string ButtonPlayTournament = "▶️ Mitspielen";
    public const string ButtonContinueTournament = "▶️ Weiterspielen";
    public const string ButtonPlayNow = "▶️ Jetzt spielen";
    public const string ButtonStandings = "📊 Rangliste";
    public const string ButtonRefresh = "🔄 Aktualisieren";
    public const string ButtonAllTournaments = "🏆 Alle Turniere";

    public const string TournamentsIntro =
        "🏆 <b>Turniere</b>\nAlle spielen dieselben Fragen, jeder hat einen Versuch – ohne Joker. Die Besten gewinnen Turnier-Tickets und Joker.";

    public const string NoTournaments = "🏆 Gerade ist kein Turnier geplant. Schau bald wieder vorbei!";
    public const string TournamentGone = "Dieses Turnier gibt es nicht (mehr).";
    public const string TournamentClosed = "Dieses Turnier ist vorbei – anmelden geht nicht mehr.";
    public const string TournamentAlreadyJoined = "Du bist schon angemeldet.";
    public const string TournamentNoTicketShort = "Dafür brauchst Du ein Turnier-Ticket.";
    public const string TournamentNoTicket = "🎟 Für dieses Turnier brauchst Du ein Turnier-Ticket. Du bekommst es im Shop – danach tippst Du einfach noch einmal auf „Anmelden“.";
    public const string TournamentAlreadyPlayed = "Du hast Deinen Versuch in diesem Turnier schon gespielt.";
    public const string TournamentOver = "Dieses Turnier ist schon vorbei.";
    public const string TournamentCancelled = "Dieses Turnier wurde leider abgesagt. Ein Turnier-Ticket, mit dem Du Dich angemeldet hattest, bekommst Du zurück.";
    public const string TournamentNotJoined = "Du bist für dieses Turnier nicht angemeldet.";
    public const string TournamentInProgress =
        "🏆 Du spielst gerade ein Turnier. Ein neues Spiel würde Deinen Turnierversuch beenden – spiel ihn zuerst zu Ende: unter /turniere geht es mit „Weiterspielen“ weiter.";

    private static readonly string[] Weekdays = ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"];

    /// <summary>"Fr, 28.11." in Berlin time.</summary>
    public static string BerlinDate(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Core.Common.BerlinDay.Zone);
        return $"{Weekdays[(int)local.DayOfWeek]}, {local.ToString("dd.MM.", German)}";
    }

    /// <summary>"20:00 Uhr" in Berlin time.</summary>
    public static string BerlinClock(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Core.Common.BerlinDay.Zone).ToString("HH:mm 'Uhr'", German);

    /// <summary>When it runs: "beginnt Fr, 28.11. um 18:00 Uhr (bis 20:00 Uhr)", "läuft bis Fr, 28.11., 20:00 Uhr", "ist vorbei".</summary>
    public static string TournamentWhen(TournamentSummary t) => t.State switch
    {
        TournamentState.Scheduled => $"🗓 beginnt {BerlinDate(t.StartsAt)} um {BerlinClock(t.StartsAt)} (bis {Until(t)})",
        TournamentState.Active => $"🟢 läuft bis {BerlinDate(t.EndsAt)}, {BerlinClock(t.EndsAt)}",
        _ => "🏁 ist vorbei",
    };

    private static string Until(TournamentSummary t) =>
        BerlinDate(t.StartsAt) == BerlinDate(t.EndsAt) ? BerlinClock(t.EndsAt) : $"{BerlinDate(t.EndsAt)}, {BerlinClock(t.EndsAt)}";

    public static string EntryFee(TournamentEntryFee fee) => fee == TournamentEntryFee.Ticket ? "1 Turnier-Ticket" : "kostenlos";

    /// <summary>The player's part: nothing yet, signed up, playing, played.</summary>
    private static string? TournamentStatus(TournamentSummary t) => t switch
    {
        { AttemptOpen: true } => "⏳ Dein Spiel läuft noch.",
        { Played: true } => "✅ Du hast gespielt.",
        { Joined: true } => "✅ Du bist angemeldet.",
        _ => null,
    };

    /// <summary>One tournament: title (numbered in a list), when, entry, questions and entrants, the player's status.</summary>
    public static string TournamentCard(TournamentSummary t, int? number = null)
    {
        var text = new StringBuilder($"<b>{(number is { } n ? $"{n}. " : "")}{Html(t.Title)}</b>\n")
            .Append(TournamentWhen(t)).Append('\n')
            .Append($"Teilnahme: {EntryFee(t.EntryFee)} · {Count(t.QuestionCount, "Frage", "Fragen")} · {t.Entrants.ToString("N0", German)} dabei");
        if (TournamentStatus(t) is { } status) text.Append('\n').Append(status);
        return text.ToString();
    }

    /// <summary>The list of open tournaments; <paramref name="tickets"/> is shown when a ticket is needed somewhere.</summary>
    public static string TournamentList(IReadOnlyList<TournamentSummary> list, int? tickets)
    {
        var cards = list.Select((t, i) => TournamentCard(t, list.Count > 1 ? i + 1 : null));
        var text = TournamentsIntro + "\n\n" + string.Join("\n\n", cards);
        return tickets is { } n ? text + "\n\n" + TicketsLine(n) : text;
    }

    public static string TournamentView(TournamentSummary t, int? tickets) =>
        "🏆 " + TournamentCard(t) + (tickets is { } n ? "\n\n" + TicketsLine(n) : "");

    public static string TicketsLine(int tickets) => tickets == 0
        ? "🎟 Du hast gerade kein Turnier-Ticket – im /shop gibt es welche."
        : $"🎟 Deine Turnier-Tickets: {tickets.ToString("N0", German)}";

    public static string TournamentJoined(TournamentSummary t, bool ticketUsed)
    {
        var ticket = ticketUsed ? " Dafür haben wir 1 Turnier-Ticket eingelöst." : "";
        var next = t.State == TournamentState.Active
            ? "Es läuft schon – los geht's!"
            : $"Es beginnt {BerlinDate(t.StartsAt)} um {BerlinClock(t.StartsAt)}. Wir sagen Dir Bescheid, sobald es losgeht.";
        return $"✅ Du bist beim Turnier „{Html(t.Title)}“ dabei.{ticket}\n{next}";
    }

    public static string TournamentIntro(TournamentSummary t) =>
        $"🏆 <b>{Html(t.Title)}</b>\n{Count(t.QuestionCount, "Frage", "Fragen")}, ein Versuch, keine Joker. Gewertet wird bis {BerlinDate(t.EndsAt)}, {BerlinClock(t.EndsAt)}. Viel Erfolg!";

    /// <summary>The short answer to a join the tournament refused (NoTicket has its own message).</summary>
    public static string JoinRefused(JoinOutcome outcome) => outcome switch
    {
        JoinOutcome.AlreadyJoined => TournamentAlreadyJoined,
        JoinOutcome.Closed => TournamentClosed,
        JoinOutcome.NoTicket => TournamentNoTicketShort,
        JoinOutcome.Cancelled => TournamentCancelled,
        _ => TournamentGone,
    };

    /// <summary>The short answer when the player's attempt cannot start.</summary>
    public static string PlayRefused(PlayOutcome outcome, TournamentSummary? t) => outcome switch
    {
        PlayOutcome.NotJoined => TournamentNotJoined,
        PlayOutcome.NotStarted when t is not null => $"Das Turnier beginnt erst {BerlinDate(t.StartsAt)} um {BerlinClock(t.StartsAt)}. Wir sagen Dir Bescheid!",
        PlayOutcome.NotStarted => "Das Turnier hat noch nicht begonnen.",
        PlayOutcome.AlreadyPlayed => TournamentAlreadyPlayed,
        PlayOutcome.OtherTournamentInProgress => "Du spielst gerade ein anderes Turnier – spiel es zuerst zu Ende.",
        PlayOutcome.Over => TournamentOver,
        PlayOutcome.Cancelled => TournamentCancelled,
        _ => TournamentGone,
    };
}
