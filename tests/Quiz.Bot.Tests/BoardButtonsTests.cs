using System.Text;
using Quiz.Bot.Handlers;
using Quiz.Bot.Replies;
using Quiz.Core.Game.Stats;

namespace Quiz.Bot.Tests;

public sealed class BoardButtonsTests
{
    [Fact]
    public void Board_buttons_fit_64_bytes_and_parse_back_to_their_board()
    {
        var data = Enum.GetValues<BoardKind>().SelectMany(BoardButtons.Switch)
            .Concat(BoardButtons.ForProfile())
            .SelectMany(row => row).Select(b => b.CallbackData).OfType<string>().Distinct().ToList();

        Assert.Equal(["board:today", "board:week", "board:survival", "menu:main"], data);
        Assert.All(data, d =>
        {
            Assert.True(Encoding.UTF8.GetByteCount(d) <= CallbackData.MaxBytes, d);
            Assert.True(CallbackData.TryParse(d, out var parsed), d);
            if (parsed.Area != BoardButtons.Area) return;
            Assert.True(BoardButtons.TryParse(parsed.Action, out var kind));
            Assert.Equal(d, BoardButtons.Data(kind));
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Today")]
    [InlineData("month")]
    [InlineData("today ")]
    public void TryParse_rejects_unknown_boards(string? board) => Assert.False(BoardButtons.TryParse(board, out _));

    [Fact]
    public void The_shown_board_is_marked_and_the_menu_button_leads_home()
    {
        var rows = BoardButtons.Switch(BoardKind.Week);

        Assert.Equal(["Heute", "· Woche ·", "Überleben"], rows[0].Select(b => b.Text));
        Assert.Equal(Menus.Data(Menus.Main), rows[1].Single().CallbackData);
    }
}
