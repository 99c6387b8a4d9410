namespace Quiz.Core.Game.Stats;

/// <summary>
/// What <c>/profil</c> shows. <see cref="GamesPlayed"/> and the best values count finished games
/// only: an abandoned game (the player started another one mid-game) has no result. Accuracy counts
/// every recorded answer, timeouts as wrong, because an answer is final the moment it is recorded.
/// </summary>
public sealed record PlayerProfile(
    int GamesPlayed,
    int Answers,
    int CorrectAnswers,
    IReadOnlyList<ModeBest> BestByMode,
    SurvivalRecord? SurvivalRecord,
    DailyStreak DailyStreak,
    DailyStanding? TodayDaily,
    PlayerHoldings? Holdings)
{
    /// <summary>Share of correct answers, 0–1; null before the first answer.</summary>
    public double? Accuracy => Answers == 0 ? null : (double)CorrectAnswers / Answers;
}

/// <summary>Finished games and the best score of one mode.</summary>
public sealed record ModeBest(GameMode Mode, int Games, int BestScore);

/// <summary>The best Überleben run: most correct answers, then most points.</summary>
public sealed record SurvivalRecord(int CorrectAnswers, int Points);

/// <summary>
/// Consecutive Berlin days with a Tagesquiz attempt, ending today or, while today is still open,
/// yesterday (the streak is not lost before the day is over).
/// </summary>
public sealed record DailyStreak(int Days, bool PlayedToday)
{
    /// <summary>The streak on Berlin day <paramref name="today"/> given the days with an attempt.</summary>
    public static DailyStreak Of(IEnumerable<DateOnly> playedDays, DateOnly today)
    {
        var played = playedDays.ToHashSet();
        var playedToday = played.Contains(today);
        var days = 0;
        for (var day = playedToday ? today : today.AddDays(-1); played.Contains(day); day = day.AddDays(-1)) days++;
        return new DailyStreak(days, playedToday);
    }
}

/// <summary>A player's place in one day's Tagesquiz ranking.</summary>
public sealed record DailyStanding(int Rank, int Participants, int Points);

/// <summary>
/// What a player owns (PRODUCT.md §2: Spiele, Extra-Leben, Joker, Turnier-Tickets, Premium bis …).
/// Filled by the economy issue through <see cref="PlayerHoldingsReader"/>.
/// </summary>
public sealed record PlayerHoldings(int Games, int ExtraLives, int Jokers, int TournamentTickets, DateTimeOffset? PremiumUntil);

public enum BoardKind
{
    /// <summary>Tagesquiz of the current Berlin day.</summary>
    Today,

    /// <summary>Sum of the Tagesquiz scores of the current Berlin week (Monday–Sunday).</summary>
    Week,

    /// <summary>All-time best Überleben run per player.</summary>
    Survival,
}

/// <summary>
/// One line of a leaderboard. <see cref="Rank"/> comes from a total order (no two lines share it);
/// <see cref="Games"/> is the number of results summed up (Tagesquiz days in the week board, else 1).
/// </summary>
public sealed record BoardEntry(int Rank, long PlayerId, string FirstName, int Points, int CorrectAnswers, long TotalAnswerMs, int Games);

/// <summary>
/// The top of a board plus the asking player's own line (<see cref="Me"/>, also when it is in the
/// top), and how many players are ranked. <see cref="From"/>–<see cref="To"/> are the Berlin days
/// covered; both null for the all-time Überleben board.
/// </summary>
public sealed record Leaderboard(BoardKind Kind, DateOnly? From, DateOnly? To, IReadOnlyList<BoardEntry> Top, BoardEntry? Me, int Participants);
