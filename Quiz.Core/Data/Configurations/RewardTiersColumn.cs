using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Quiz.Core.Tournaments;

namespace Quiz.Core.Data.Configurations;

/// <summary>
/// A tournament's own reward tiers as one jsonb array (read whole with the tournament; never queried inside):
/// <c>[{"fromRank":1,"toRank":1,"topPercent":null,"contents":{"tournamentTickets":2,"jokers":5,…}}, …]</c>.
/// </summary>
internal static class RewardTiersColumn
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<List<RewardTier>?, string?> Converter = new(
        tiers => tiers == null ? null : JsonSerializer.Serialize(tiers, Json),
        json => json == null ? null : JsonSerializer.Deserialize<List<RewardTier>>(json, Json));

    public static readonly ValueComparer<List<RewardTier>?> Comparer = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        tiers => tiers == null ? 0 : tiers.Aggregate(0, (hash, tier) => HashCode.Combine(hash, tier)),
        tiers => tiers == null ? null : tiers.ToList());
}
