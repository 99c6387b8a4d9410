using System.Text;
using Quiz.Bot.Handlers;
using Quiz.Bot.Replies;
using Quiz.Core.Features;
using Quiz.Core.Game;
using Quiz.Core.Questions;

namespace Quiz.Bot.Tests;

public sealed class GameButtonsTests
{
    private static IEnumerable<string> AllData(IReadOnlyList<IReadOnlyList<Core.Messaging.MessageButton>> rows) =>
        rows.SelectMany(r => r).Select(b => b.CallbackData).OfType<string>();

    private static QuestionView View(Guid session, int ordinal, int jokers = 0, params short[] removed) =>
        new(session, ordinal, 10, GameMode.Quick, "Geografie", "Frage?", ["a", "b", "c", "d"], DateTimeOffset.UnixEpoch, removed, jokers);

    [Fact]
    public void Every_game_button_fits_telegrams_64_bytes_and_parses_back_even_for_the_longest_ids()
    {
        var session = Guid.NewGuid();
        var longestQuestion = new string('q', 40);
        var longestCategory = new string('k', 40);
        var data = AllData(GameButtons.Answers(View(session, 99_999, jokers: 99_999)))
            .Concat(AllData(GameButtons.Paused(session, longestQuestion, 99_999)))
            .Concat(AllData(GameButtons.ReportReasons(longestQuestion)))
            .Concat(AllData(GameButtons.AfterGame(GameMode.Category, longestCategory, "https://t.me/share/url?url=x", FeatureSet.Default)))
            .Concat(AllData(GameButtons.CategoryList([(longestCategory, "Kategorie")])))
            .Concat(AllData(Menus.MainMenu(FeatureSet.Default)))
            .ToList();

        Assert.All(data, d =>
        {
            Assert.True(Encoding.UTF8.GetByteCount(d) <= CallbackData.MaxBytes, d);
            Assert.True(CallbackData.TryParse(d, out var parsed), d);
            Assert.Equal(d, parsed.ToString());
        });
    }

    [Fact]
    public void Answer_session_and_reason_arguments_are_parsed_strictly()
    {
        var session = Guid.NewGuid();
        CallbackData.TryParse(GameButtons.Answers(View(session, 3))[0][2].CallbackData, out var answer);
        Assert.True(GameButtons.TryParseAnswer(answer, out var s, out var ordinal, out var position));
        Assert.Equal((session, 3, (short)2), (s, ordinal, position));

        foreach (var forged in new[] { "game:answer:abc:1:1", $"game:answer:{session:N}:1:4", $"game:answer:{session:N}:-1:1", $"game:answer:{session:N}:1" })
        {
            Assert.False(CallbackData.TryParse(forged, out var data) && GameButtons.TryParseAnswer(data, out _, out _, out _), forged);
        }

        CallbackData.TryParse(GameButtons.ReportReasons("geo-0042")[3][0].CallbackData, out var reason);
        Assert.True(GameButtons.TryParseReason(reason, out var question, out var why));
        Assert.Equal(("geo-0042", ReportReason.Outdated), (question, why));
        CallbackData.TryParse("q:reason:geo-0042:7", out var forgedReason);
        Assert.False(GameButtons.TryParseReason(forgedReason, out _, out _));
    }

    [Fact]
    public void The_joker_button_shows_while_jokers_are_left_and_taken_options_lose_their_buttons()
    {
        var session = Guid.NewGuid();
        Assert.Single(GameButtons.Answers(View(session, 2)));

        var offered = GameButtons.Answers(View(session, 2, jokers: 3));
        Assert.Equal("🃏 50:50 (3)", offered[1][0].Text);
        CallbackData.TryParse(offered[1][0].CallbackData, out var joker);
        Assert.True(GameButtons.TryParseQuestion(joker, out var s, out var ordinal));
        Assert.Equal((session, 2), (s, ordinal));

        var after = GameButtons.Answers(View(session, 2, jokers: 0, 0, 3));
        Assert.Equal(["B", "C"], after.Single().Select(b => b.Text));
    }

    [Fact]
    public void The_category_keyboard_offers_16_categories_two_per_row_with_the_longest_new_ids()
    {
        string[] ids = ["geografie", "geschichte", "naturwissenschaften", "tiere-pflanzen", "sport", "technik", "kunst-literatur", "musik",
            "sprache", "film-fernsehen", "essen-trinken", "serien-streaming", "games-internet", "wirtschaft-marken", "alltag-gesellschaft", "oesterreich-schweiz"];
        var rows = GameButtons.CategoryList([.. ids.Select(id => (id, "Österreich & Schweiz " + id))]);

        Assert.Equal(9, rows.Count);
        Assert.All(rows.Take(8), row => Assert.Equal(2, row.Count));
        var categories = rows.Take(8).SelectMany(r => r).Select(b => b.CallbackData!).ToList();
        Assert.Equal(ids, categories.Select(d => d[(d.LastIndexOf(':') + 1)..]));
        Assert.All(categories, d => Assert.True(Encoding.UTF8.GetByteCount(d) <= CallbackData.MaxBytes, d));
    }
}
