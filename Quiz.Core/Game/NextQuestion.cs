using Quiz.Core.Game.Selection;

namespace Quiz.Core.Game;

/// <summary>
/// How a session's next question is chosen, from data its caller already read (the answer path reads it with the session
/// lock in one round trip, "Weiter" and the first question through EF): a shared set's item in the player's own option
/// order, or a pick from the cached bank against the player's history. Shared by both paths, so they cannot drift apart.
/// </summary>
internal static class NextQuestion
{
    /// <summary>Everyone gets the set's questions, each player in their own option order: "B" cannot be relayed.</summary>
    public static SessionQuestion FromSet(GameSession session, int ordinal, QuestionSetItem item, SharedSetSeeds seeds)
    {
        var (order, correct) = SharedSetSeeds.Reorder(item.OptionOrder, item.CorrectPosition, seeds.OptionOrder(session.Id, ordinal));
        return new SessionQuestion { SessionId = session.Id, Ordinal = ordinal, QuestionId = item.QuestionId, OptionOrder = order, CorrectPosition = correct };
    }

    /// <summary>
    /// A pick for a game without a set (Überleben by its difficulty step), or null when the bank has nothing left.
    /// <paramref name="game"/>: the session's questions so far, in order (none twice, no pattern or related pair within a game).
    /// </summary>
    public static async Task<(SessionQuestion Question, Relaxation Relaxed)?> FromBankAsync(
        GameSession session, int ordinal, QuestionBankCache bank, IReadOnlyList<HistoryEntry> game, IReadOnlyList<HistoryEntry> history, CancellationToken ct)
    {
        var candidates = session.Mode == GameMode.Survival
            ? await bank.ActiveAsync(null, GameRules.SurvivalDifficulty(ordinal), ct)
            : await bank.ActiveAsync(session.CategoryId, null, ct);
        if (candidates.Count == 0 && session.Mode == GameMode.Survival) candidates = await bank.ActiveAsync(null, null, ct);
        var asked = game.Select(q => q.QuestionId).ToHashSet(StringComparer.Ordinal);
        if (asked.Count > 0) candidates = candidates.Where(c => !asked.Contains(c.Id)).ToList();
        var pick = QuestionSelector.Next(candidates, history, SelectionRules.Default, SelectionSeed.Rng(session.Seed, ordinal), game);
        return pick is null ? null : (new SessionQuestion
        {
            SessionId = session.Id, Ordinal = ordinal, QuestionId = pick.QuestionId, OptionOrder = pick.OptionOrder, CorrectPosition = pick.CorrectPosition,
        }, pick.Relaxed);
    }

    /// <summary>
    /// The question is asked now: a provisional clock until its message is sent (<see cref="GameService.MarkSentAsync"/>),
    /// and the session is active again.
    /// </summary>
    public static void Ask(GameSession session, SessionQuestion next, DateTimeOffset now, GameOptions options)
    {
        next.SentAt = now;
        next.DeadlineAt = now + options.AnswerLimit;
        session.State = SessionState.Active;
        session.LastActivityAt = now;
    }

    /// <summary>The question as the player sees it, options in display order.</summary>
    public static QuestionView View(GameSession session, SessionQuestion asked, QuestionContent content, int jokersLeft) =>
        new(session.Id, asked.Ordinal, session.QuestionCount, session.Mode, content.Category, content.Text,
            asked.OptionOrder.Select(i => content.Options[i]).ToList(), asked.DeadlineAt!.Value, asked.RemovedPositions ?? [], jokersLeft);
}
