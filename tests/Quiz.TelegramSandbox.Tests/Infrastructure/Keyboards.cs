namespace Quiz.TelegramSandbox.Tests.Infrastructure;

/// <summary>Inline keyboards in Telegram's JSON shape for raw calls.</summary>
public static class Keyboards
{
    public static object Inline(params (string Text, string Data)[] buttons) =>
        new { inline_keyboard = new[] { buttons.Select(b => new { text = b.Text, callback_data = b.Data }).ToArray() } };

    public static object InlineOfCount(int count) =>
        new { inline_keyboard = Enumerable.Range(0, count).Chunk(8).Select(row => row.Select(i => new { text = $"B{i}", callback_data = $"b{i}" }).ToArray()).ToArray() };
}
