using Microsoft.EntityFrameworkCore;

namespace Quiz.EndToEndTests;

/// <summary>A simulated player in the sandbox chat who reads questions and presses buttons like a person.</summary>
public sealed class ChatPlayer(AppModelFixture fixture, SandboxClient sandbox, SandboxUser user)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public SandboxUser User => user;

    public static async Task<ChatPlayer> CreateAsync(AppModelFixture fixture, string name)
    {
        var sandbox = fixture.Sandbox();
        return new ChatPlayer(fixture, sandbox, await sandbox.CreateUserAsync(name));
    }

    public Task SayAsync(string text) => sandbox.SendAsync(user, text);

    public Task<SandboxPayment> PayAsync(int messageId) => sandbox.PayAsync(user, messageId);

    public Task<SandboxPayment> PayLinkAsync(string link) => sandbox.PayLinkAsync(user, link);

    /// <summary>Buys a package like a person: /shop, the package's button, pay the invoice, wait for the thanks.</summary>
    public async Task BuyAsync(string packageId)
    {
        await SayAsync("/shop");
        await PressAsync(await MessageAsync("Shop"), $"shop:buy:{packageId}");
        Assert.Equal("paid", (await PayAsync(await InvoiceMessageAsync())).Status);
        await MessageAsync("Danke für Deinen Kauf");
    }

    /// <summary>Waits for the last invoice that is not paid yet.</summary>
    public async Task<int> InvoiceMessageAsync() =>
        (await sandbox.WaitForChatAsync(user, c => c.Any(Unpaid), Wait)).Last(Unpaid).MessageId;

    private static bool Unpaid(SandboxChatItem m) => m.FromBot && m.Invoice is not null && !m.Paid;

    /// <summary>
    /// Waits for the bot message with a line starting <c>Frage n/total · </c> (or <c>Frage n · </c> without a total): the
    /// question, at the top or below the verdict on the previous answer.
    /// </summary>
    public async Task<SandboxChatItem> QuestionAsync(int number, int? total)
    {
        var header = total is { } t ? $"Frage {number}/{t} · " : $"Frage {number} · ";
        var chat = await sandbox.WaitForChatAsync(user, c => c.Any(m => Asks(m, header)), Wait);
        return chat.Last(m => Asks(m, header));
    }

    private static bool Asks(SandboxChatItem m, string header) =>
        m.FromBot && m.Text is { } text && (text.StartsWith(header, StringComparison.Ordinal) || text.Contains("\n" + header, StringComparison.Ordinal));

    /// <summary>
    /// The verdict on the answer to <paramref name="question"/>: the next bot message, which shows it (💡 with the
    /// explanation; 🔒 in a running tournament) on top of the next question or the result.
    /// </summary>
    public async Task<SandboxChatItem> VerdictAsync(SandboxChatItem question)
    {
        var chat = await sandbox.WaitForChatAsync(user, c => c.Any(m => Judges(m, question)), Wait);
        return chat.First(m => Judges(m, question));
    }

    private static bool Judges(SandboxChatItem m, SandboxChatItem question) =>
        m.FromBot && m.MessageId > question.MessageId && m.Text is { } text
        && (text.Contains("💡", StringComparison.Ordinal) || text.Contains("🔒", StringComparison.Ordinal));

    /// <summary>The Bot API calls that put a message into this chat (sendMessage, editMessageText; Telegram took them) after <paramref name="since"/>.</summary>
    public async Task<List<SandboxCall>> ChatMessageCallsAsync(long since) =>
        [.. (await sandbox.CallsAsync(since)).Where(c => c.Ok
            && (c.Method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase) || c.Method.Equals("editMessageText", StringComparison.OrdinalIgnoreCase))
            && c.Parameters.TryGetProperty("chat_id", out var chat) && chat.ToString() == user.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The sequence number of the sandbox's latest recorded Bot API call.</summary>
    public async Task<long> LastCallAsync() => (await sandbox.CallsAsync()).Select(c => c.Seq).DefaultIfEmpty(0).Max();

    /// <summary>The last bot message containing <paramref name="text"/> (sent after <paramref name="after"/>, if given), waiting for it.</summary>
    public async Task<SandboxChatItem> MessageAsync(string text, TimeSpan? timeout = null, SandboxChatItem? after = null)
    {
        bool Fits(SandboxChatItem m) =>
            m.FromBot && m.MessageId > (after?.MessageId ?? 0) && (m.Text?.Contains(text, StringComparison.Ordinal) ?? false);
        return (await sandbox.WaitForChatAsync(user, c => c.Any(Fits), timeout ?? Wait)).Last(Fits);
    }

    public async Task<SandboxChatItem> WaitForAsync(int messageId, Func<SandboxChatItem, bool> done, TimeSpan? timeout = null) =>
        (await sandbox.WaitForChatAsync(user, c => c.Any(m => m.MessageId == messageId && done(m)), timeout ?? Wait)).Single(m => m.MessageId == messageId);

    public async Task<SandboxCallback> PressAsync(SandboxChatItem message, string callbackData, bool force = false)
    {
        var press = await sandbox.PressAsync(user, message.MessageId, callbackData, force);
        return await sandbox.WaitForCallbackAsync(user, press.CallbackQueryId);
    }

    /// <summary>Answers a question message (right or wrong, looked up in the database) and returns the callback answer.</summary>
    public async Task<SandboxCallback> AnswerAsync(SandboxChatItem question, bool correct)
    {
        var data = Buttons(question)[0];
        var parts = data.Split(':');
        var session = Guid.ParseExact(parts[2], "N");
        var ordinal = int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = fixture.Database();
        var right = await db.SessionQuestions.Where(q => q.SessionId == session && q.Ordinal == ordinal).Select(q => (int)q.CorrectPosition).SingleAsync();
        var position = correct ? right : (right + 1) % 4;
        return await PressAsync(question, Buttons(question)[position]);
    }

    /// <summary>Plays questions 1..count, answering as <paramref name="correct"/> says, and waits for each verdict (<see cref="VerdictAsync"/>).</summary>
    public async Task PlayAsync(int count, int? total, Func<int, bool> correct)
    {
        for (var i = 1; i <= count; i++)
        {
            var question = await QuestionAsync(i, total);
            var answer = await AnswerAsync(question, correct(i));
            Assert.True(answer.Text is null, $"Answer {i} refused: {answer.Text}");
            await VerdictAsync(question);
        }
    }

    /// <summary>Waits until the chat shows <paramref name="count"/> first questions ("Frage 1/10"), one per started game.</summary>
    public Task WaitForQuestionCountAsync(int count) =>
        sandbox.WaitForChatAsync(user, c => c.Count(m => m.FromBot && (m.Text?.StartsWith("Frage 1/10 · ", StringComparison.Ordinal) ?? false)) >= count, Wait);

    /// <summary>Callback data (or URL) of every button of a message, row by row.</summary>
    public static List<string> Buttons(SandboxChatItem message) =>
        message.ReplyMarkup?["inline_keyboard"]?.AsArray()
            .SelectMany(row => row!.AsArray())
            .Select(b => (string?)b!["callback_data"] ?? (string)b["url"]!)
            .ToList() ?? [];
}
