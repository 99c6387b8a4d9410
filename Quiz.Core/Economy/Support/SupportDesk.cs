using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Players;

namespace Quiz.Core.Economy.Support;

public enum SupportOutcome
{
    /// <summary>A draft waits for the description (the next plain message).</summary>
    AwaitingText,
    Opened,
    TooShort,
    TooLong,

    /// <summary>The player already has <see cref="SupportDesk.MaxOpenPerPlayer"/> open cases.</summary>
    TooManyOpen,

    /// <summary>No description was expected: the message is not for support.</summary>
    NoDraft,
    Canceled,
}

public sealed record SupportResult(SupportOutcome Outcome, long? Number = null);

/// <summary>A closed case as the player is told about it.</summary>
public sealed record SupportClosure(long Number, string? Reply);

/// <summary>
/// The player's side of <c>/paysupport</c>: with a text the case opens at once, without one a
/// draft waits (30 minutes) for the next plain message. Runs under the player's row lock; the
/// partial unique index keeps one draft per player.
/// </summary>
public sealed class SupportDesk(QuizDbContext db, TimeProvider time)
{
    public const int MaxOpenPerPlayer = 3;
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromMinutes(30);

    public async Task<SupportResult> OpenAsync(long playerId, string? text, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PlayerLock.LockAsync(db, playerId, ct);
        var open = await db.SupportCases.CountAsync(c => c.PlayerId == playerId && c.Status == SupportCaseStatus.Open, ct);
        if (open >= MaxOpenPerPlayer) return new SupportResult(SupportOutcome.TooManyOpen);

        var draft = await db.SupportCases.SingleOrDefaultAsync(c => c.PlayerId == playerId && c.Status == SupportCaseStatus.Draft, ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (draft is null) db.SupportCases.Add(new SupportCase { Id = Guid.CreateVersion7(now), PlayerId = playerId, Status = SupportCaseStatus.Draft, CreatedAt = now });
            else draft.CreatedAt = now;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new SupportResult(SupportOutcome.AwaitingText);
        }

        var refused = Check(text);
        if (refused is not null) return new SupportResult(refused.Value);
        var opened = draft ?? new SupportCase { Id = Guid.CreateVersion7(now), PlayerId = playerId, CreatedAt = now };
        if (draft is null) db.SupportCases.Add(opened);
        Submit(opened, text, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SupportResult(SupportOutcome.Opened, opened.Number);
    }

    /// <summary>A plain message: the description if a fresh draft waits for it, otherwise <see cref="SupportOutcome.NoDraft"/>.</summary>
    public async Task<SupportResult> SubmitAsync(long playerId, string text, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var since = now - DraftLifetime;
        if (!await db.SupportCases.AnyAsync(c => c.PlayerId == playerId && c.Status == SupportCaseStatus.Draft && c.CreatedAt > since, ct))
        {
            return new SupportResult(SupportOutcome.NoDraft);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var draft = (await db.SupportCases
            .FromSqlInterpolated($"SELECT * FROM support_cases WHERE player_id = {playerId} AND status = 'draft' AND created_at > {since} FOR UPDATE")
            .ToListAsync(ct)).SingleOrDefault();
        if (draft is null) return new SupportResult(SupportOutcome.NoDraft);
        var refused = Check(text);
        if (refused is not null) return new SupportResult(refused.Value);
        Submit(draft, text, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SupportResult(SupportOutcome.Opened, draft.Number);
    }

    /// <summary>"Abbrechen" under the prompt: the waiting draft is dropped.</summary>
    public async Task<SupportResult> CancelDraftAsync(long playerId, CancellationToken ct = default)
    {
        var deleted = await db.SupportCases.Where(c => c.PlayerId == playerId && c.Status == SupportCaseStatus.Draft).ExecuteDeleteAsync(ct);
        return new SupportResult(deleted > 0 ? SupportOutcome.Canceled : SupportOutcome.NoDraft);
    }

    /// <summary>For the notice after an operator closed the case; null when it is not closed.</summary>
    public Task<SupportClosure?> ClosureAsync(Guid caseId, CancellationToken ct = default) =>
        db.SupportCases.AsNoTracking().Where(c => c.Id == caseId && c.Status == SupportCaseStatus.Closed)
            .Select(c => new SupportClosure(c.Number, c.Reply)).SingleOrDefaultAsync(ct);

    private static SupportOutcome? Check(string text) => text.Trim().Length switch
    {
        < SupportCase.MinTextLength => SupportOutcome.TooShort,
        > SupportCase.MaxTextLength => SupportOutcome.TooLong,
        _ => null,
    };

    private static void Submit(SupportCase supportCase, string text, DateTimeOffset now)
    {
        supportCase.Status = SupportCaseStatus.Open;
        supportCase.Text = text.Trim();
        supportCase.SubmittedAt = now;
    }
}
