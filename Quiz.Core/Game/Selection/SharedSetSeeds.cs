using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Quiz.Core.Game.Selection;

/// <summary>
/// Seeds of the shared question sets (Tagesquiz, duel, tournament) and of each player's option
/// order in them, keyed with the server secret <see cref="GameOptions.SetSecret"/> (HMAC-SHA256): the
/// public code and content do not reveal tomorrow's Tagesquiz or a tournament's questions, and two
/// players of one set cannot relay "B" to each other (issue #12, item 2). Sets already drawn are
/// stored, so changing the secret changes only sets drawn afterwards.
/// </summary>
public sealed class SharedSetSeeds(IOptions<GameOptions> options)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(options.Value.EffectiveSetSecret);

    public long Daily(DateOnly day) => Keyed($"tagesquiz|{QuestionSets.DailyKey(day)}");

    public long Duel(string code, DateOnly day) => Keyed($"duell|{code}|{QuestionSets.DailyKey(day)}");

    public long Tournament(Guid id) => Keyed($"turnier|{id:N}");

    /// <summary>The generator for one player's option order of one question of a shared set.</summary>
    public Random OptionOrder(Guid sessionId, int ordinal) => SelectionSeed.Rng(Keyed($"optionen|{sessionId:N}"), ordinal);

    private long Keyed(string input) =>
        BinaryPrimitives.ReadInt64LittleEndian(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(input)));

    /// <summary>The set's option order shuffled for one player: the same options, the correct one wherever it lands.</summary>
    public static (short[] Order, short CorrectPosition) Reorder(short[] setOrder, short setCorrectPosition, Random rng)
    {
        var correctOption = setOrder[setCorrectPosition];
        var order = (short[])setOrder.Clone();
        rng.Shuffle(order);
        return (order, (short)Array.IndexOf(order, correctOption));
    }
}
