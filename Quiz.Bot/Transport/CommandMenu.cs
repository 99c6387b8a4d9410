using Quiz.Bot.Handlers;
using Quiz.Bot.Texts;
using Quiz.Core.Features;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Quiz.Bot.Transport;

/// <summary>
/// The bot's command menu (<c>setMyCommands</c>) as the feature switches allow it: a paused feature's command
/// (/spielen, /tagesquiz, /duell, /turniere, /shop) is left out. Telegram is called only when the visible commands
/// differ from what this replica set last; every replica sets the same list after a change, which Telegram takes as
/// the same menu, so n replicas cost n calls per change and nothing in between.
/// </summary>
public sealed partial class CommandMenu(ITelegramBotClient bot, FeatureSnapshot features, ILogger<CommandMenu> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private string[]? shown;

    /// <summary>The commands a player sees with these switches, in <see cref="De.Commands"/>' order.</summary>
    public static IReadOnlyList<(string Command, string Description)> Visible(FeatureSet switches) =>
        [.. De.Commands.Where(c => FeatureGate.CommandNeeds(c.Command) is not { } feature || switches.Open(feature))];

    /// <summary>Sets the menu if the switches changed what it shows; true when Telegram was called.</summary>
    public async Task<bool> SyncAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            var visible = Visible(features.Current);
            string[] names = [.. visible.Select(c => c.Command)];
            if (shown is not null && shown.AsSpan().SequenceEqual(names)) return false;
            await bot.SetMyCommands(visible.Select(c => new BotCommand(c.Command, c.Description)), cancellationToken: ct);
            shown = names;
            LogMenuSet(string.Join(' ', names));
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    [LoggerMessage(LogLevel.Information, "Command menu set: {Commands}")]
    private partial void LogMenuSet(string commands);
}
