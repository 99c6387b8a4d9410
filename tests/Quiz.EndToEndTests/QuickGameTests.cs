using Microsoft.EntityFrameworkCore;
using Quiz.Core.Game;

namespace Quiz.EndToEndTests;

[Collection(AppModelCollection.Name)]
public sealed class QuickGameTests(AppModelFixture fixture)
{
    [Fact]
    public async Task Player_plays_a_full_quick_game_in_the_chat()
    {
        var sandbox = fixture.Sandbox();
        var since = (await sandbox.CallsAsync()).Select(c => c.Seq).DefaultIfEmpty(0).Max();
        var mia = await sandbox.CreateUserAsync("Mia");
        await sandbox.SendAsync(mia, "/spielen");

        for (var i = 1; i <= 10; i++)
        {
            var header = $"Frage {i}/10 · ";
            var chat = await sandbox.WaitForChatAsync(mia, c => c.Any(m => m.FromBot && m.Text!.StartsWith(header, StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
            var question = chat.Last(m => m.FromBot && m.Text!.StartsWith(header, StringComparison.Ordinal));
            Assert.Contains("A) ", question.Text);
            Assert.Contains($"⏱ {AppModelFixture.AnswerLimitSeconds} Sekunden", question.Text);
            var buttonA = (string)question.ReplyMarkup!["inline_keyboard"]![0]![0]!["callback_data"]!;
            var press = await sandbox.PressAsync(mia, question.MessageId, buttonA);
            var answer = await sandbox.WaitForCallbackAsync(mia, press.CallbackQueryId);
            Assert.True(answer.Text is null, $"Answer {i} refused: {answer.Text}");
            try
            {
                await sandbox.WaitForChatAsync(mia, c => c.Single(m => m.MessageId == question.MessageId).Text!.Contains("💡"), TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException ex)
            {
                var calls = (await sandbox.CallsAsync(since)).Select(c => $"{c.Method} {c.Status} {c.Description}");
                throw new TimeoutException(ex.Message[..200] + " CALLS: " + string.Join(" | ", calls));
            }
        }

        var end = await sandbox.WaitForChatAsync(mia, c => c.Any(m => m.FromBot && m.Text!.Contains("Spiel beendet")), TimeSpan.FromSeconds(30));
        Assert.Contains("von 10", end.Last().Text);
        var verdicts = end.Where(m => m.Text!.StartsWith("Frage", StringComparison.Ordinal)).Select(m => m.Text!).ToList();
        Assert.Equal(10, verdicts.Count);
        Assert.All(verdicts, v => Assert.True(v.Contains("✅ Richtig!") || v.Contains("❌ Leider falsch") || v.Contains("⏱ Zeit abgelaufen"), v));

        await using var db = fixture.Database();
        var session = await db.GameSessions.Where(s => s.Mode == GameMode.Quick).OrderByDescending(s => s.StartedAt).FirstAsync();
        Assert.Equal(SessionState.Finished, session.State);
        Assert.Equal(10, await db.AnswerEvents.CountAsync(a => a.SessionId == session.Id));
        PlayerConversationTests.AssertCallsMatchTheSpecification(await sandbox.CallsAsync(since));
    }
}
