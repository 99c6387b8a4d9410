namespace Quiz.Core.Economy.Admin;

/// <summary>One shop package as the console lists it.</summary>
public sealed record PackageRow(
    string Id,
    string Title,
    int PriceStars,
    Contents Contents,
    bool IsSubscription,
    bool IsActive,
    int SortOrder,
    DateTimeOffset UpdatedAt);

/// <summary>
/// A package as the console edits it. <see cref="UpdatedAt"/> is the version the editor started
/// from (null for a new package): saving compares it with the stored one.
/// </summary>
public sealed record PackageDraft(
    string Id,
    string Title,
    string Description,
    int PriceStars,
    Contents Contents,
    bool IsSubscription,
    bool IsActive,
    int SortOrder,
    DateTimeOffset? UpdatedAt = null)
{
    public static PackageDraft From(Package p) => new(
        p.Id, p.Title, p.Description, p.PriceStars, p.Contents, p.IsSubscription, p.IsActive, p.SortOrder, p.UpdatedAt);

    /// <summary>Text fields without surrounding blanks, as they are stored.</summary>
    public PackageDraft Normalized() => this with { Id = Id.Trim(), Title = Title.Trim(), Description = Description.Trim() };
}

public enum PackageActivation
{
    Changed,

    /// <summary>The package already had the requested state.</summary>
    Unchanged,

    NotFound,
}
