using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.Tournaments;

namespace Quiz.LoadDriver;

/// <summary>
/// The console's "Spieler suchen" in a tournament's Rangliste (<see cref="TournamentPlayerSearch"/>), as an operator uses it:
/// three of four searches by a seeded player's name (<c>Spieler 4711</c>: that player and the ones whose number continues it),
/// one by a Telegram id; latencies in ms, sorted. Every search must find someone.
/// </summary>
internal static class TournamentSearchReads
{
    public const int Searches = 200;

    public static async Task<double[]> RunAsync(IServiceProvider core, Guid id, int entrants, int seed, CancellationToken ct)
    {
        var search = core.GetRequiredService<TournamentPlayerSearch>();
        var rng = new Random(seed);
        var latencies = new double[Searches];
        var empty = 0;
        for (var i = 0; i < Searches; i++)
        {
            var n = rng.Next(1, entrants + 1);
            var term = i % 4 == 3 ? (TournamentSeeder.TelegramBase + n).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"Spieler {n}";
            var watch = Stopwatch.StartNew();
            var found = await search.FindAsync(id, term, ct);
            latencies[i] = watch.Elapsed.TotalMilliseconds;
            if (found is null || found.Hits == 0) empty++;
        }
        // A seeded player without an answer is not ranked (3 %), so a few searches rightly find nobody.
        Console.WriteLine($"player search: {Searches - empty} of {Searches} searches found a ranked player");
        Array.Sort(latencies);
        return latencies;
    }
}
