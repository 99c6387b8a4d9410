using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using static Quiz.Core.Data.RawSql;

namespace Quiz.Core.Tournaments;

/// <summary>A line of the Rangliste around a found player; <paramref name="Hit"/> marks the players the search found.</summary>
public sealed record StandingNeighbour(StandingLine Line, string? Username, bool Hit);

/// <summary>What a Rangliste search found: the lines around each hit (by rank), or nothing.</summary>
public sealed record StandingSearchResult(IReadOnlyList<StandingNeighbour> Lines, bool Final)
{
    public int Hits => Lines.Count(l => l.Hit);
}

/// <summary>
/// "Spieler suchen" in a tournament's Rangliste: by first name or username (part of it, any case, a leading <c>@</c>
/// ignored) or by Telegram id, the first <see cref="MaxHits"/> ranked players found, each with <see cref="Neighbours"/>
/// places above and below (<see cref="TournamentPlayerSearchSql"/>).
/// </summary>
public sealed class TournamentPlayerSearch(IDbContextFactory<QuizDbContext> contexts)
{
    public const int MaxHits = 5;
    public const int Neighbours = 2;
    public const int MaxTermLength = 100;

    /// <summary>Null when the tournament does not exist or is a draft; an empty result when nobody ranked matches.</summary>
    public async Task<StandingSearchResult?> FindAsync(Guid tournamentId, string term, CancellationToken ct = default)
    {
        var cleaned = Clean(term);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var state = await db.Tournaments.AsNoTracking().Where(t => t.Id == tournamentId && t.State != TournamentState.Draft)
            .Select(t => (TournamentState?)t.State).SingleOrDefaultAsync(ct);
        if (state is null) return null;
        var final = state is TournamentState.Finished or TournamentState.Rewarded;
        if (cleaned.Length == 0) return new StandingSearchResult([], final);

        var telegramId = long.TryParse(cleaned, out var id) && id > 0 ? id : -1;
        var lines = new List<StandingNeighbour>();
        await QueryAsync(db, final ? TournamentPlayerSearchSql.Final : TournamentPlayerSearchSql.Live,
            [Uuid(tournamentId), Text($"%{EscapeLike(cleaned)}%"), Long(telegramId), Int(MaxHits), Int(Neighbours)], async reader =>
            {
                while (await reader.ReadAsync(ct))
                {
                    var line = new StandingLine((int)reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(4), reader.GetInt32(5),
                        reader.GetInt64(6), reader.GetBoolean(7), reader.IsDBNull(8) ? null : reader.GetString(8));
                    lines.Add(new StandingNeighbour(line, reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetBoolean(9)));
                }
            }, ct);
        return new StandingSearchResult(lines, final);
    }

    private static string Clean(string? term)
    {
        var value = (term ?? "").Trim().TrimStart('@').Trim();
        return value.Length <= MaxTermLength ? value : value[..MaxTermLength];
    }

    private static string EscapeLike(string value) => value.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
