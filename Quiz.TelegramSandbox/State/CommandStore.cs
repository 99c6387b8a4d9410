using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.State;

/// <summary>The bot's command lists per (scope, language), as setMyCommands stores them.</summary>
public sealed class CommandStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<BotCommand>> _lists = new(StringComparer.Ordinal);

    public void Set(string scope, string language, IReadOnlyList<BotCommand>? commands)
    {
        lock (_gate)
        {
            if (commands is null or { Count: 0 })
            {
                _lists.Remove(Key(scope, language));
            }
            else
            {
                _lists[Key(scope, language)] = commands;
            }
        }
    }

    public IReadOnlyList<BotCommand> Get(string scope, string language)
    {
        lock (_gate)
        {
            return _lists.GetValueOrDefault(Key(scope, language)) ?? [];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _lists.Clear();
        }
    }

    private static string Key(string scope, string language) => scope + "|" + language;
}
