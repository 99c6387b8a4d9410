using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;

namespace Quiz.Core.Economy;

/// <summary>The shop's starting assortment. Seeded once by id; operators change it in the console afterwards.</summary>
public static class PackageDefaults
{
    public static IReadOnlyList<Package> All(DateTimeOffset now) =>
    [
        New("spiele-10", "10 Spiele", "Zehn zusätzliche Spiele, wann immer Du willst – sie verfallen nicht.", 50, 1, games: 10),
        New("extra-leben-3", "3 Extra-Leben", "Rettet Deinen Überleben-Lauf einmal nach einem Fehler. Drei Stück.", 30, 2, extraLives: 3),
        New("joker-5", "5 Joker 50:50", "Entfernt zwei falsche Antworten. Nicht im Tagesquiz, in Duellen und Turnieren.", 40, 3, jokers: 5),
        New("turnier-ticket", "Turnier-Ticket", "Eintritt für ein Turnier mit Ticket.", 25, 4, tickets: 1),
        New("premium-30", "Premium 30 Tage", "Unbegrenzt spielen, 30 Tage lang. Verlängert sich monatlich, bis Du kündigst.", 250, 5, premiumDays: 30, subscription: true),
    ];

    /// <summary>Adds the default packages that do not exist yet; never overwrites an operator's changes.</summary>
    public static async Task<int> EnsureAsync(QuizDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.Packages.Select(p => p.Id).ToListAsync(ct);
        var missing = All(now).Where(p => !existing.Contains(p.Id)).ToList();
        db.Packages.AddRange(missing);
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private static Package New(string id, string title, string description, int price, int order,
        int games = 0, int extraLives = 0, int jokers = 0, int tickets = 0, int premiumDays = 0, bool subscription = false) => new()
    {
        Id = id, Title = title, Description = description, PriceStars = price, SortOrder = order,
        Contents = new Contents(games, extraLives, jokers, tickets, premiumDays),
        IsSubscription = subscription, IsActive = true,
    };
}
