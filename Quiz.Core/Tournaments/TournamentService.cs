using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Game;
using Quiz.Core.Players;

namespace Quiz.Core.Tournaments;

/// <summary>
/// What players do with tournaments: list the open ones, join (free, or by using one Turnier-Ticket,
/// exactly once per tournament), play their one attempt while it is ACTIVE, and see the ranking.
/// Joining and playing hold the player's row lock and share-lock the tournament row, so they are
/// serialised against each other and against the lifecycle steps that change the state.
/// </summary>
public sealed class TournamentService(QuizDbContext db, TimeProvider time)
{
    public const int TopLines = 10;

    /// <summary>Scheduled and running tournaments, soonest first, with the player's part in each.</summary>
    public async Task<IReadOnlyList<TournamentSummary>> ListOpenAsync(long playerId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var open = db.Tournaments
            .Where(t => (t.State == TournamentState.Scheduled || t.State == TournamentState.Active) && t.EndsAt > now)
            .OrderBy(t => t.StartsAt).Take(10);
        return await Summaries(db, open, playerId).ToListAsync(ct);
    }

    public Task<TournamentSummary?> GetAsync(Guid id, long playerId, CancellationToken ct = default) => SummaryAsync(db, id, playerId, ct);

    public async Task<JoinResult> JoinAsync(long playerId, Guid id, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PlayerLock.LockAsync(db, playerId, ct);
        var t = await ShareLockAsync(id, ct);
        if (t is null || t.State == TournamentState.Draft) return new JoinResult(JoinOutcome.NotFound);
        if (t.State == TournamentState.Cancelled) return new JoinResult(JoinOutcome.Cancelled, await SummaryAsync(db, id, playerId, ct));
        if (await db.TournamentEntries.AnyAsync(e => e.TournamentId == id && e.PlayerId == playerId, ct))
        {
            return new JoinResult(JoinOutcome.AlreadyJoined, await SummaryAsync(db, id, playerId, ct));
        }
        if (t.State is not (TournamentState.Scheduled or TournamentState.Active) || now >= t.EndsAt)
        {
            return new JoinResult(JoinOutcome.Closed, await SummaryAsync(db, id, playerId, ct));
        }
        var ticket = t.EntryFee == TournamentEntryFee.Ticket;
        if (ticket && !await Wallet.TryConsumeAsync(db, playerId, AssetKind.TournamentTicket, EntryKey(id, playerId), null, now, ct))
        {
            return new JoinResult(JoinOutcome.NoTicket, await SummaryAsync(db, id, playerId, ct));
        }
        db.TournamentEntries.Add(new TournamentEntry { TournamentId = id, PlayerId = playerId, PaidWithTicket = ticket, JoinedAt = now });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new JoinResult(JoinOutcome.Joined, await SummaryAsync(db, id, playerId, ct), ticket);
    }

    /// <summary>
    /// The player's one attempt: the first call while ACTIVE creates the session with the shared set;
    /// later calls return it while it is still open. A finished attempt cannot be repeated.
    /// </summary>
    public async Task<PlayResult> PlayAsync(long playerId, Guid id, CancellationToken ct = default)
    {
        // Entering runs join and play on one context: the entry must be read from the database, not the tracker.
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PlayerLock.LockAsync(db, playerId, ct);
        var t = await ShareLockAsync(id, ct);
        if (t is null || t.State == TournamentState.Draft) return new PlayResult(PlayOutcome.NotFound);
        if (t.State == TournamentState.Cancelled) return new PlayResult(PlayOutcome.Cancelled, Tournament: await SummaryAsync(db, id, playerId, ct));
        var entry = await db.TournamentEntries.SingleOrDefaultAsync(e => e.TournamentId == id && e.PlayerId == playerId, ct);
        var summary = await SummaryAsync(db, id, playerId, ct);
        if (entry is null) return new PlayResult(PlayOutcome.NotJoined, Tournament: summary);
        if (entry.SessionId is { } existing)
        {
            var state = await db.GameSessions.Where(s => s.Id == existing).Select(s => s.State).SingleAsync(ct);
            return GameSession.IsOpen(state) && t.State == TournamentState.Active && now < t.EndsAt
                ? new PlayResult(PlayOutcome.Started, existing, summary)
                : new PlayResult(PlayOutcome.AlreadyPlayed, existing, summary);
        }
        if (t.State == TournamentState.Scheduled) return new PlayResult(PlayOutcome.NotStarted, Tournament: summary);
        if (t.State != TournamentState.Active || now >= t.EndsAt) return new PlayResult(PlayOutcome.Over, Tournament: summary);

        if (await GameSessions.CreateAsync(db, playerId, GameMode.Tournament, null, t.QuestionSetId, now, ct, t.QuestionCount, t.EndsAt) is not { } sessionId)
        {
            return new PlayResult(PlayOutcome.OtherTournamentInProgress, Tournament: summary);
        }
        entry.SessionId = sessionId;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new PlayResult(PlayOutcome.Started, sessionId, summary! with { Played = true, AttemptOpen = true });
    }

    /// <summary>
    /// "Anmelden" / "Mitspielen": joins when the player is not in yet (free, or with one ticket) and, when the
    /// tournament is running, starts or continues their one attempt. <see cref="EntryResult.Joined"/> is null
    /// when the player was already in; <see cref="EntryResult.Play"/> is null when joining was refused or the
    /// tournament has not started yet.
    /// </summary>
    public async Task<EntryResult> EnterAsync(long playerId, Guid id, CancellationToken ct = default)
    {
        var play = await PlayAsync(playerId, id, ct);
        if (play.Outcome != PlayOutcome.NotJoined) return new EntryResult(null, play);
        var joined = await JoinAsync(playerId, id, ct);
        if (joined.Outcome is not (JoinOutcome.Joined or JoinOutcome.AlreadyJoined)) return new EntryResult(joined, null);
        return new EntryResult(joined, joined.Tournament?.State == TournamentState.Active ? await PlayAsync(playerId, id, ct) : null);
    }

    /// <summary>The tournament a game session belongs to (for the game's closing words), or null.</summary>
    public Task<Guid?> TournamentOfSessionAsync(Guid sessionId, CancellationToken ct = default) =>
        db.TournamentEntries.Where(e => e.SessionId == sessionId).Select(e => (Guid?)e.TournamentId).SingleOrDefaultAsync(ct);

    /// <summary>
    /// Live while it runs (ranked in the database from the entries and their score buckets), the stored snapshot once
    /// FINISHED — with the tournament's summary, in one round trip (ADR 0019).
    /// </summary>
    public Task<TournamentStandings?> StandingsAsync(Guid id, long playerId, CancellationToken ct = default) =>
        TournamentRanking.StandingsAsync(db, id, playerId, TopLines, ct);

    /// <summary>For the outbox notices, which know the chat (the player's Telegram id) but not the player: found in the same statement.</summary>
    public Task<TournamentStandings?> StandingsOfChatAsync(Guid id, long telegramUserId, CancellationToken ct = default) =>
        TournamentRanking.StandingsAsync(db, id, playerId: null, TopLines, ct, telegramUserId);

    /// <summary>
    /// The tournament's questions with their correct options and explanations, for the result notice:
    /// empty until it is finished (while it runs, nobody sees an answer; <see cref="Game.GameRules.RevealsAnswersWhilePlaying"/>).
    /// </summary>
    public async Task<IReadOnlyList<TournamentSolution>> SolutionsAsync(Guid id, CancellationToken ct = default)
    {
        var t = await db.Tournaments.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.State, x.QuestionSetId }).SingleOrDefaultAsync(ct);
        if (t is not { State: TournamentState.Finished or TournamentState.Rewarded, QuestionSetId: { } setId }) return [];
        var items = await db.QuestionSetItems.AsNoTracking().Where(i => i.SetId == setId).OrderBy(i => i.Ordinal)
            .Join(db.Questions, i => i.QuestionId, q => q.Id, (i, q) => new { i.OptionOrder, i.CorrectPosition, q.Text, q.Options, q.Explanation }).ToListAsync(ct);
        return [.. items.Select(x => new TournamentSolution(x.Text, x.Options[x.OptionOrder[x.CorrectPosition]], x.Explanation))];
    }

    /// <summary>
    /// What a tournament notice needs besides the player's place (which the result notice carries): title, state,
    /// questions and end — one row by key, so rendering N notices costs O(N), not a ranking read each.
    /// </summary>
    public async Task<TournamentHeading?> HeadingAsync(Guid id, CancellationToken ct = default) =>
        await db.Tournaments.AsNoTracking().Where(t => t.Id == id && t.State != TournamentState.Draft)
            .Select(t => new { t.Id, t.Title, t.State, t.QuestionCount, t.EndsAt, t.RewardTiers }).SingleOrDefaultAsync(ct) is { } t
            ? new TournamentHeading(t.Id, t.Title, t.State, t.QuestionCount, t.EndsAt) { RewardTiers = TournamentRewards.Of(t.RewardTiers) }
            : null;

    /// <summary>Whether the player of this chat paid their entry with a ticket (the cancel notice tells them it is back).</summary>
    public Task<bool> PaidWithTicketOfChatAsync(Guid id, long telegramUserId, CancellationToken ct = default) =>
        db.TournamentEntries.AnyAsync(e => e.TournamentId == id && e.PaidWithTicket
            && db.Players.Any(p => p.Id == e.PlayerId && p.TelegramUserId == telegramUserId), ct);

    public static string EntryKey(Guid tournamentId, long playerId) => $"tournament-entry:{tournamentId:N}:{playerId}";

    private async Task<Tournament?> ShareLockAsync(Guid id, CancellationToken ct) =>
        (await db.Tournaments.FromSqlInterpolated($"SELECT * FROM tournaments WHERE id = {id} FOR SHARE").AsNoTracking().ToListAsync(ct)).SingleOrDefault();

    private static Task<TournamentSummary?> SummaryAsync(QuizDbContext db, Guid id, long? playerId, CancellationToken ct) =>
        Summaries(db, db.Tournaments.Where(t => t.Id == id && t.State != TournamentState.Draft), playerId).SingleOrDefaultAsync(ct);

    /// <summary>
    /// Each tournament with its entrant count and the player's part in it, in one query. The entrants are the sum of the
    /// tournament's score buckets (ADR 0019: a few hundred rows), not a count over its entries (100,000 at a time).
    /// </summary>
    private static IQueryable<TournamentSummary> Summaries(QuizDbContext db, IQueryable<Tournament> tournaments, long? playerId) =>
        tournaments.AsNoTracking().Select(t => new TournamentSummary(
            t.Id, t.Title, t.State, t.EntryFee, t.QuestionCount, t.StartsAt, t.EndsAt,
            db.Set<TournamentRankBucket>().Where(b => b.TournamentId == t.Id).Sum(b => b.Entries),
            db.TournamentEntries.Any(e => e.TournamentId == t.Id && e.PlayerId == playerId),
            db.TournamentEntries.Any(e => e.TournamentId == t.Id && e.PlayerId == playerId && e.SessionId != null),
            db.TournamentEntries.Any(e => e.TournamentId == t.Id && e.PlayerId == playerId
                && db.GameSessions.Any(s => s.Id == e.SessionId && (s.State == SessionState.Active || s.State == SessionState.Paused)))));
}
