using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quiz.Core.Audit;
using Quiz.Core.Data;

namespace Quiz.Core.AntiCheat;

public enum FlagResolveResult
{
    Done,
    AlreadyResolved,
    NotFound,
    NoteRequired,
}

/// <summary>
/// Raises and resolves <see cref="CheatFlag"/>s. A flag is a suspicion for an operator, never a punishment:
/// the only automatic consequence is the optional hold out of rankings (<see cref="AntiCheatOptions.HoldScore"/>).
/// One context per call.
/// </summary>
public sealed class CheatFlags(
    IDbContextFactory<QuizDbContext> contexts, TimeProvider time, PlayerModeration moderation, IOptionsMonitor<AntiCheatOptions> options, ILogger<CheatFlags> logger)
{
    public const string DetectorActor = AuditActors.Detector;
    public const int ManualScore = 50;

    private sealed class Upserted
    {
        public long Id { get; init; }
        public bool Inserted { get; init; }
    }

    /// <summary>
    /// Raises a flag, or updates score and evidence of the open flag for the same (player, kind, subject). A resolved flag stays as
    /// it was decided. Audited (<see cref="AuditActions.FlagRaised"/>) only when new. Returns the flag's id, 0 when the player does not exist.
    /// </summary>
    public async Task<long> RaiseAsync(long playerId, FlagKind kind, string subject, int score, string evidenceJson, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (subject.Length > CheatFlag.MaxSubjectLength) throw new ArgumentException($"At most {CheatFlag.MaxSubjectLength} characters.", nameof(subject));
        if (evidenceJson.Length > CheatFlag.MaxEvidenceLength) throw new ArgumentException($"At most {CheatFlag.MaxEvidenceLength} characters.", nameof(evidenceJson));
        using (JsonDocument.Parse(evidenceJson))
        {
            // Only valid JSON is stored (jsonb would refuse it later, with a less helpful error).
        }
        score = Math.Clamp(score, 0, 100);
        var now = time.GetUtcNow();
        var kindText = EnumColumns.ToColumn(kind);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Players.AnyAsync(p => p.Id == playerId, ct)) return 0;

        // xmax = 0 only on a freshly inserted row; a conflicting resolved flag returns nothing and is read below.
        var row = (await db.Database.SqlQuery<Upserted>($"""
            INSERT INTO cheat_flags (player_id, kind, subject, score, evidence, raised_at, updated_at, status)
            VALUES ({playerId}, {kindText}, {subject}, {score}, {evidenceJson}::jsonb, {now}, {now}, 'open')
            ON CONFLICT (player_id, kind, subject) DO UPDATE
                SET score = excluded.score, evidence = excluded.evidence, updated_at = excluded.updated_at
                WHERE cheat_flags.status = 'open'
            RETURNING id, (xmax = 0) AS inserted
            """).ToListAsync(ct)).SingleOrDefault();
        if (row is null)
        {
            var resolved = await db.CheatFlags.Where(f => f.PlayerId == playerId && f.Kind == kind && f.Subject == subject).Select(f => f.Id).SingleAsync(ct);
            await tx.CommitAsync(ct);
            return resolved;
        }
        if (row.Inserted)
        {
            CommittedFacts.Add(db, m => m.FlagRaised(kindText));
            AuditLog.Record(db, DetectorActor, AuditActions.FlagRaised, AuditLog.Player(playerId), $"Markierung {row.Id}: {kind} {subject}, Wert {score}", now);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        await HoldIfAboveAsync(playerId, kind, score, row.Id, ct);
        return row.Id;
    }

    /// <summary>A moderator's own flag from the player page (a new one each time); returns 0 when the player does not exist.</summary>
    public async Task<long> RaiseManualAsync(long playerId, string note, string actor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var text = Shorten(note?.Trim() ?? "", CheatFlag.MaxNoteLength);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Players.AnyAsync(p => p.Id == playerId, ct)) return 0;
        var flag = new CheatFlag
        {
            PlayerId = playerId,
            Kind = FlagKind.Manual,
            Subject = $"manual:{Guid.CreateVersion7():N}",
            Score = ManualScore,
            Evidence = JsonSerializer.Serialize(new { summary = "Von Hand markiert", note = text, by = Shorten(actor, 200) }),
            RaisedAt = now,
            UpdatedAt = now,
            Status = FlagStatus.Open,
        };
        db.CheatFlags.Add(flag);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, actor, AuditActions.FlagRaised, AuditLog.Player(playerId), $"Markierung {flag.Id}: von Hand. {text}", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return flag.Id;
    }

    /// <summary>Resolves an open flag as a false positive (<see cref="FlagStatus.Dismissed"/>) or as cheating (<see cref="FlagStatus.Confirmed"/>); compare-and-set.</summary>
    public async Task<FlagResolveResult> ResolveAsync(long flagId, FlagStatus verdict, string note, string actor, CancellationToken ct = default)
    {
        if (verdict is not (FlagStatus.Dismissed or FlagStatus.Confirmed)) throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Dismissed or Confirmed.");
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var text = note?.Trim() ?? "";
        if (text.Length == 0) return FlagResolveResult.NoteRequired;
        text = Shorten(text, CheatFlag.MaxNoteLength);
        var by = Shorten(actor, 200);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var flag = await db.CheatFlags.FromSql($"SELECT * FROM cheat_flags WHERE id = {flagId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (flag is null) return FlagResolveResult.NotFound;
        if (flag.Status != FlagStatus.Open) return FlagResolveResult.AlreadyResolved;
        flag.Status = verdict;
        flag.ResolvedAt = now;
        flag.ResolvedBy = by;
        flag.ResolutionNote = text;
        var action = verdict == FlagStatus.Confirmed ? AuditActions.FlagConfirmed : AuditActions.FlagDismissed;
        AuditLog.Record(db, by, action, AuditLog.Player(flag.PlayerId), $"Markierung {flag.Id} ({flag.Kind}): {text}", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return FlagResolveResult.Done;
    }

    /// <summary>
    /// The optional automatic hold out of rankings until reviewed (off while <see cref="AntiCheatOptions.HoldScore"/> is null): an open
    /// flag at or above the score holds the player (a player already held stays so). Playing goes on; a ban is an operator's decision.
    /// </summary>
    private async Task HoldIfAboveAsync(long playerId, FlagKind kind, int score, long flagId, CancellationToken ct)
    {
        if (options.CurrentValue.HoldScore is not { } hold || score < hold) return;
        var result = await moderation.HoldAsync(playerId, $"Automatisch bis zur Prüfung: Markierung {flagId} ({kind}), Wert {score}", DetectorActor, ct);
        if (result == ModerationResult.Done)
        {
            logger.LogInformation("Player {PlayerId} held out of rankings by flag {FlagId} ({Kind}, score {Score} >= {HoldScore})", playerId, flagId, kind, score, hold);
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
