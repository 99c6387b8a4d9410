using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Common;
using Quiz.Core.Economy;

namespace Quiz.Core.Tournaments;

public sealed partial class TournamentAdministration
{
    /// <summary>
    /// Changes title, times, question count and entry of a DRAFT or SCHEDULED tournament under its row lock (so the
    /// clock's start cannot slip in between); the worker's triggers follow the new times at its next tick. A scheduled
    /// one keeps a start in the future, and its entry stays as it is once players joined under it.
    /// </summary>
    public async Task<TournamentSaveResult> EditAsync(Guid id, TournamentDraft draft, string operatorName, CancellationToken ct = default)
    {
        draft = draft with { Title = draft.Title.Trim() };
        var now = time.GetUtcNow();
        var problems = TournamentRules.Problems(draft, now);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t = await TournamentLifecycle.LockAsync(db, id, ct);
        if (t is null) return new TournamentSaveResult(TransitionOutcome.NotFound, []);
        if (t.State is not (TournamentState.Draft or TournamentState.Scheduled))
        {
            return new TournamentSaveResult(TransitionOutcome.NoChange, [TournamentRules.NotEditable]);
        }
        if (t.State == TournamentState.Scheduled && draft.StartsAt <= now) problems.Add(TournamentRules.StartPassed);
        if (draft.EntryFee != t.EntryFee && await db.TournamentEntries.AnyAsync(e => e.TournamentId == id, ct))
        {
            problems.Add(TournamentRules.EntryFixed);
        }
        if (problems.Count > 0) return new TournamentSaveResult(TransitionOutcome.NoChange, problems);

        var changes = Changes(t, draft);
        if (changes.Length == 0) return new TournamentSaveResult(TransitionOutcome.NoChange, [], id);
        (t.Title, t.StartsAt, t.EndsAt, t.EntryFee, t.QuestionCount) = (draft.Title, draft.StartsAt, draft.EndsAt, draft.EntryFee, draft.QuestionCount);
        if (draft.RewardTiers is { } tiers) t.RewardTiers = [.. tiers];
        AuditLog.Record(db, operatorName, AuditActions.TournamentEdited, AuditLog.Tournament(id), string.Join("; ", changes), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new TournamentSaveResult(TransitionOutcome.Changed, [], id);
    }

    /// <summary>Cancels a SCHEDULED or ACTIVE tournament: entry tickets back exactly once, every entrant told (<see cref="TournamentLifecycle.CancelAsync"/>).</summary>
    public Task<TransitionOutcome> CancelAsync(Guid id, string operatorName, CancellationToken ct = default) =>
        StepAsync(lifecycle => lifecycle.CancelAsync(id, operatorName, ct), ct);

    /// <summary>What an edit changes, for the audit entry (times in UTC, ISO 8601).</summary>
    private static string[] Changes(Tournament t, TournamentDraft draft)
    {
        var changes = new List<string>();
        if (t.Title != draft.Title) changes.Add($"Titel: {t.Title} → {draft.Title}");
        if (t.StartsAt != draft.StartsAt) changes.Add($"Beginn: {t.StartsAt.UtcDateTime:O} → {draft.StartsAt.UtcDateTime:O}");
        if (t.EndsAt != draft.EndsAt) changes.Add($"Ende: {t.EndsAt.UtcDateTime:O} → {draft.EndsAt.UtcDateTime:O}");
        if (t.EntryFee != draft.EntryFee) changes.Add($"Eintritt: {Fee(t.EntryFee)} → {Fee(draft.EntryFee)}");
        if (t.QuestionCount != draft.QuestionCount) changes.Add($"Fragen: {t.QuestionCount} → {draft.QuestionCount}");
        if (draft.RewardTiers is { } tiers && Describe(TournamentRewards.Of(t.RewardTiers)) is var old && Describe(tiers) is var now && old != now)
        {
            changes.Add($"Gewinne: {old} → {now}");
        }
        return [.. changes];
    }

    /// <summary>"Platz 1: 2 Tickets, 5 Joker | Top 10 %: 2 Joker" for the audit entry.</summary>
    public static string Describe(IReadOnlyList<RewardTier> tiers) =>
        string.Join(" | ", tiers.Select(t => $"{t.Name}: {string.Join(", ", t.Items.Select(i => AuditItem(i.Kind, i.Amount)))}"));

    private static string AuditItem(AssetKind kind, int amount) => kind switch
    {
        AssetKind.TournamentTicket => GermanCount.Of(amount, "Ticket", "Tickets"),
        AssetKind.Joker => GermanCount.Of(amount, "Joker", "Joker"),
        AssetKind.ExtraLife => GermanCount.Of(amount, "Extra-Leben", "Extra-Leben"),
        _ => GermanCount.Of(amount, "Spiel", "Spiele"),
    };

    private static string Fee(TournamentEntryFee fee) => fee == TournamentEntryFee.Ticket ? "Turnier-Ticket" : "kostenlos";
}
