using System.Text.Json;

namespace Quiz.EndToEndTests;

/// <summary>The bot's command menu as Telegram received it: the commands of its setMyCommands calls in the sandbox.</summary>
public static class CommandMenus
{
    /// <summary>The commands of the newest setMyCommands since <paramref name="since"/>, once they satisfy <paramref name="done"/>.</summary>
    public static async Task<List<string>> WaitForAsync(SandboxClient sandbox, long since, Func<List<string>, bool> done)
    {
        List<string> latest = [];
        await Eventually.HoldsAsync(async () =>
        {
            var calls = await sandbox.CallsAsync(since, "setMyCommands");
            if (calls.Count == 0) return false;
            latest = Commands(calls[^1].Parameters);
            return done(latest);
        });
        return latest;
    }

    private static List<string> Commands(JsonElement parameters)
    {
        var commands = parameters.GetProperty("commands");
        var list = commands.ValueKind == JsonValueKind.String ? JsonDocument.Parse(commands.GetString()!).RootElement : commands;
        return [.. list.EnumerateArray().Select(c => c.GetProperty("command").GetString()!)];
    }
}
