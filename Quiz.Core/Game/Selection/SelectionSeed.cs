using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Quiz.Core.Game.Selection;

/// <summary>
/// The only source of randomness for question selection: a stable 64-bit hash (XxHash64, never
/// <c>string.GetHashCode</c>, which changes per process) of <c>player_id|session_id|date_bucket</c>.
/// The daily quiz, a duel or a tournament pass one shared key instead of a player.
/// </summary>
public static class SelectionSeed
{
    public static long For(string player, string session, string dateBucket)
    {
        var bytes = Encoding.UTF8.GetBytes($"{player}|{session}|{dateBucket}");
        return BinaryPrimitives.ReadInt64LittleEndian(XxHash64.Hash(bytes));
    }

    public static long For(long playerId, Guid sessionId, DateOnly day) =>
        For(playerId.ToString(System.Globalization.CultureInfo.InvariantCulture), sessionId.ToString("N"), day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// A deterministic generator for one selection step (<paramref name="step"/> = question ordinal).
    /// The 64-bit seed and the step are hashed, not XOR-folded, into Random's 32-bit seed, so
    /// structured seeds (e.g. a value and its complement) do not collide.
    /// </summary>
    public static Random Rng(long seed, int step)
    {
        Span<byte> bytes = stackalloc byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, seed);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[8..], step);
        return new Random(unchecked((int)XxHash64.HashToUInt64(bytes)));
    }
}
