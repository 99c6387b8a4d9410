using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Data;

namespace Quiz.Core.Economy.Admin;

/// <summary>
/// The console's shop use-cases: list, create, edit, activate and deactivate packages. One context
/// per operation (Blazor components hold this for a whole circuit).
/// <para>
/// The id is the package's identity (invoices point at it), so it is chosen once and never
/// changed; a package is never deleted, only deactivated. Open invoices keep their snapshot of
/// title, price and contents, so an edit changes only what is sold from now on. Edits are
/// optimistic like the question editor's: they apply only while the row still has the
/// <see cref="PackageDraft.UpdatedAt"/> the editor loaded.
/// </para>
/// </summary>
public sealed class PackageAdministration(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyList<PackageRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var packages = await db.Packages.AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
        return [.. packages.Select(p => new PackageRow(p.Id, p.Title, p.PriceStars, p.Contents, p.IsSubscription, p.IsActive, p.SortOrder, p.UpdatedAt))];
    }

    public async Task<PackageDraft?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var package = await db.Packages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return package is null ? null : PackageDraft.From(package);
    }

    public async Task<SaveResult> CreateAsync(PackageDraft draft, CancellationToken ct = default)
    {
        draft = draft.Normalized();
        var problems = PackageRules.Problems(draft);
        if (problems.Count > 0) return SaveResult.Invalid(problems);

        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Packages.Add(new Package
        {
            Id = draft.Id, Title = draft.Title, Description = draft.Description, PriceStars = draft.PriceStars,
            Contents = draft.Contents, IsSubscription = draft.IsSubscription, IsActive = draft.IsActive, SortOrder = draft.SortOrder,
            CreatedAt = now, UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return SaveResult.Invalid($"Die ID „{draft.Id}“ ist schon vergeben.");
        }
        return new SaveResult(SaveOutcome.Saved, [], now);
    }

    /// <summary>Saves everything but the id (and the creation time) if the rules hold and nobody saved in between.</summary>
    public async Task<SaveResult> UpdateAsync(PackageDraft draft, CancellationToken ct = default)
    {
        draft = draft.Normalized();
        var problems = PackageRules.Problems(draft);
        if (problems.Count > 0) return SaveResult.Invalid(problems);
        if (draft.UpdatedAt is not { } loaded) throw new ArgumentException("An edit needs the version it was loaded with.", nameof(draft));

        var now = time.GetUtcNow();
        var version = now > loaded ? now : loaded.AddTicks(TimeSpan.TicksPerMillisecond);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var changed = await db.Packages
            .Where(p => p.Id == draft.Id && p.UpdatedAt == loaded)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Title, draft.Title)
                .SetProperty(p => p.Description, draft.Description)
                .SetProperty(p => p.PriceStars, draft.PriceStars)
                .SetProperty(p => p.Contents, draft.Contents)
                .SetProperty(p => p.IsSubscription, draft.IsSubscription)
                .SetProperty(p => p.IsActive, draft.IsActive)
                .SetProperty(p => p.SortOrder, draft.SortOrder)
                .SetProperty(p => p.UpdatedAt, version), ct);
        if (changed == 1) return new SaveResult(SaveOutcome.Saved, [], version);
        return await db.Packages.AnyAsync(p => p.Id == draft.Id, ct)
            ? new SaveResult(SaveOutcome.Conflict, ["Das Paket wurde inzwischen von jemand anderem geändert. Bitte neu laden."])
            : new SaveResult(SaveOutcome.NotFound, ["Dieses Paket gibt es nicht."]);
    }

    /// <summary>Shows or hides a package in <c>/shop</c>; compare-and-set on the flag, so a repeated click changes nothing.</summary>
    public async Task<PackageActivation> SetActiveAsync(string id, bool active, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var current = await db.Packages.Where(p => p.Id == id).Select(p => new { p.IsActive, p.UpdatedAt }).SingleOrDefaultAsync(ct);
        if (current is null) return PackageActivation.NotFound;
        if (current.IsActive == active) return PackageActivation.Unchanged;

        // A new version, so an editor who loaded the package before this click gets a conflict.
        var now = time.GetUtcNow();
        var version = now > current.UpdatedAt ? now : current.UpdatedAt.AddTicks(TimeSpan.TicksPerMillisecond);
        var changed = await db.Packages
            .Where(p => p.Id == id && p.IsActive != active && p.UpdatedAt == current.UpdatedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, active).SetProperty(p => p.UpdatedAt, version), ct);
        return changed == 1 ? PackageActivation.Changed : await SetActiveAsync(id, active, ct);
    }
}
