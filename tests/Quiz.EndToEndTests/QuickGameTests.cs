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
        var mia = new ChatPlayer(fixture, sandbox, await sandbox.CreateUserAsync("Mia"));
        await mia.SayAsync("/spielen");

        for (var i = 1; i <= 10; i++)
        {
            var question = await mia.QuestionAsync(i, 10);
            Assert.Contains("A) ", question.Text);
            Assert.Contains($"⏱ {AppModelFixture.AnswerLimitSeconds} Sekunden", question.Text);
            var answer = await sandbox.WaitForCallbackAsync(mia.User, (await sandbox.PressAsync(mia.User, question.MessageId, ChatPlayer.Buttons(question)[0])).CallbackQueryId);
            Assert.True(answer.Text is null, $"Answer {i} refused: {answer.Text}");
            try
            {
                await mia.VerdictAsync(question);
            }
            catch (TimeoutException ex)
            {
                var calls = (await sandbox.CallsAsync(since)).Select(c => $"{c.Method} {c.Status} {c.Description}");
                throw new TimeoutException(ex.Message[..200] + " CALLS: " + string.Join(" | ", calls));
            }
        }

        var end = await sandbox.WaitForChatAsync(mia.User, c => c.Any(m => m.FromBot && m.Text!.Contains("Spiel beendet")), TimeSpan.FromSeconds(30));
        Assert.Contains("von 10", end.Last().Text);
        // Each verdict sits on top of the next message: questions 2–10 and the result.
        var verdicts = end.Where(m => m.FromBot && m.Text!.Contains("💡", StringComparison.Ordinal)).Select(m => m.Text!).ToList();
        Assert.Equal(10, verdicts.Count);
        Assert.All(verdicts, v => Assert.True(v.StartsWith("✅ Richtig!") || v.StartsWith("❌ Leider falsch") || v.StartsWith("⏱ Zeit abgelaufen"), v));

        await using var db = fixture.Database();
        var session = await db.GameSessions.Where(s => s.Mode == GameMode.Quick).OrderByDescending(s => s.StartedAt).FirstAsync();
        Assert.Equal(SessionState.Finished, session.State);
        Assert.Equal(10, await db.AnswerEvents.CountAsync(a => a.SessionId == session.Id));
        PlayerConversationTests.AssertCallsMatchTheSpecification(await sandbox.CallsAsync(since));
    }
}
