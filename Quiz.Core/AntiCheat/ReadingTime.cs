namespace Quiz.Core.AntiCheat;

/// <summary>
/// The least time a person needs to read a question and its options and tap: <see cref="AntiCheatOptions.MinReactionMs"/>
/// plus the characters at <see cref="AntiCheatOptions.ReadingCharsPerSecond"/>. An answer that arrives sooner was not read.
/// </summary>
public static class ReadingTime
{
    public static int Characters(string question, IEnumerable<string> options) => question.Length + options.Sum(o => o.Length);

    public static int ThresholdMs(int characters, AntiCheatOptions options) =>
        options.MinReactionMs + (int)Math.Round(characters * 1000.0 / options.ReadingCharsPerSecond);
}
