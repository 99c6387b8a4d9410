using System.Diagnostics.Metrics;
using Quiz.Core.Data;
using Quiz.Core.Game.Selection;

namespace Quiz.Core;

/// <summary>
/// Core's one meter (<c>Quiz.Core</c>), made by the host's <see cref="IMeterFactory"/> so it lives and dies
/// with the container and tests can observe it; the instruments every use-case records into. The business
/// facts (games, answers, purchases, refunds, entrants, flags) are recorded only when the transaction that makes
/// them true commits (<see cref="CommittedFacts"/>): a rolled-back attempt or a replayed delivery adds nothing.
/// </summary>
public sealed partial class CoreMetrics
{
    public const string MeterName = "Quiz.Core";

    private readonly Counter<long> timeouts;
    private readonly Counter<long> idleEnded;
    private readonly Counter<long> relaxations;
    private readonly Counter<long> gamesStarted;
    private readonly Counter<long> gamesFinished;
    private readonly Counter<long> answers;
    private readonly Counter<long> purchases;
    private readonly Counter<long> purchaseStars;
    private readonly Counter<long> refunds;
    private readonly Counter<long> refundStars;
    private readonly Counter<long> entrants;
    private readonly Counter<long> flags;
    private readonly Counter<long> deadLetters;

    public CoreMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        timeouts = meter.CreateCounter<long>("quiz.sessions.timeouts", description: "Unanswered questions revealed by the game clock");
        idleEnded = meter.CreateCounter<long>("quiz.sessions.idle_ended", description: "Games ended after the idle limit");
        relaxations = meter.CreateCounter<long>("quiz.selection.relaxations", description: "Question picks that relaxed an anti-repeat constraint");
        gamesStarted = meter.CreateCounter<long>("quiz.games.started", description: "Games started, by mode");
        gamesFinished = meter.CreateCounter<long>("quiz.games.finished", description: "Games finished, by mode");
        answers = meter.CreateCounter<long>("quiz.answers", description: "Recorded answers by mode and result (correct, wrong, timeout)");
        purchases = meter.CreateCounter<long>("quiz.purchases", description: "Recorded Stars payments by product kind and outcome (granted, flagged)");
        purchaseStars = meter.CreateCounter<long>("quiz.purchases.stars", description: "Stars of recorded payments by product kind and outcome");
        refunds = meter.CreateCounter<long>("quiz.refunds", description: "Completed refunds");
        refundStars = meter.CreateCounter<long>("quiz.refunds.stars", description: "Stars given back by completed refunds");
        entrants = meter.CreateCounter<long>("quiz.tournaments.entrants", description: "Tournament entries, by entry fee (ticket, free)");
        flags = meter.CreateCounter<long>("quiz.flags.raised", description: "New cheat flags, by kind");
        deadLetters = meter.CreateCounter<long>("quiz.outbox.dead_lettered", description: "Outbox rows that became dead letters, by cause");

        // Alerts look at increase(): a series must exist at 0 before its first event, or the first event is not seen.
        foreach (var cause in DeadLetterCauses.All) deadLetters.Add(0, Tag("cause", cause));
    }

    public void TimeoutRevealed(int count) => timeouts.Add(count);

    public void IdleEnded(int count) => idleEnded.Add(count);

    public void SelectionRelaxed(Relaxation relaxed)
    {
        if (relaxed.HasFlag(Relaxation.Pattern)) relaxations.Add(1, Tag("constraint", "pattern"));
        if (relaxed.HasFlag(Relaxation.QuestionWindowHalved)) relaxations.Add(1, Tag("constraint", "question"));
        if (relaxed.HasFlag(Relaxation.Position)) relaxations.Add(1, Tag("constraint", "position"));
        if (relaxed.HasFlag(Relaxation.SameGame)) relaxations.Add(1, Tag("constraint", "game"));
    }

    /// <summary>Outbox rows a single statement turned dead (nothing to roll back: the statement is its own transaction).</summary>
    public void DeadLettered(int count, string cause)
    {
        if (count > 0) deadLetters.Add(count, Tag("cause", cause));
    }

    internal void GameStarted(string mode) => gamesStarted.Add(1, Tag("mode", mode));

    internal void GamesFinished(string mode, int count)
    {
        if (count > 0) gamesFinished.Add(count, Tag("mode", mode));
    }

    internal void Answered(string mode, string result) => answers.Add(1, Tag("mode", mode), Tag("result", result));

    internal void PurchaseRecorded(string kind, string outcome, int stars)
    {
        purchases.Add(1, Tag("kind", kind), Tag("outcome", outcome));
        purchaseStars.Add(stars, Tag("kind", kind), Tag("outcome", outcome));
    }

    internal void Refunded(int stars)
    {
        refunds.Add(1);
        refundStars.Add(stars);
    }

    internal void Entered(bool ticket) => entrants.Add(1, Tag("fee", ticket ? "ticket" : "free"));

    internal void FlagRaised(string kind) => flags.Add(1, Tag("kind", kind));

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}

/// <summary>Why outbox rows died: Telegram refused one for good, or the player blocked the bot and their chat's rows went with it.</summary>
public static class DeadLetterCauses
{
    public const string Refused = "refused";
    public const string Blocked = "blocked";
    public static readonly string[] All = [Refused, Blocked];
}
