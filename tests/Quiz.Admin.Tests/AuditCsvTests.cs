using Quiz.Admin.Audit;
using Quiz.Admin.Texts;
using Quiz.Core.Audit;

namespace Quiz.Admin.Tests;

/// <summary>The Protokoll's CSV: German headers, Berlin time, quoting, and no formula a spreadsheet would run.</summary>
public sealed class AuditCsvTests
{
    [Fact]
    public void The_header_is_German_and_separated_by_semicolons() =>
        Assert.Equal("Zeit;Wer;Was;Aktion (Code);Betrifft;Details", AuditCsv.Header);

    [Fact]
    public void A_line_has_Berlin_time_the_German_action_and_its_code()
    {
        var line = new AuditLine(1, new DateTimeOffset(2026, 7, 1, 22, 30, 5, TimeSpan.Zero), "Anna Admin", AuditActions.PlayerBanned, "player:42", "Bot");

        Assert.Equal("02.07.2026 00:30:05;Anna Admin;Spieler gesperrt;player.banned;player:42;Bot", AuditCsv.Line(line));
    }

    [Theory]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("er sagte \"nein\"", "\"er sagte \"\"nein\"\"\"")]
    [InlineData("zwei\nZeilen", "\"zwei\nZeilen\"")]
    [InlineData("1,5", "\"1,5\"")]
    [InlineData("schlicht", "schlicht")]
    public void Separators_quotes_and_line_breaks_are_quoted(string value, string field) => Assert.Equal(field, AuditCsv.Field(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://böse.example\")", "\"'=HYPERLINK(\"\"http://böse.example\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUMME(A1)", "'@SUMME(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void A_field_a_spreadsheet_would_evaluate_starts_with_an_apostrophe(string value, string field) => Assert.Equal(field, AuditCsv.Field(value));

    [Fact]
    public void The_filter_in_the_address_round_trips_and_covers_whole_Berlin_days()
    {
        var query = AuditQuery.Parse(" Anna ", "player.banned", "player:4&2", "2026-03-01", "2026-03-31");

        Assert.Equal("?wer=Anna&aktion=player.banned&betrifft=player%3A4%262&von=2026-03-01&bis=2026-03-31", query.ToQueryString());
        var filter = query.Filter();
        Assert.Equal((new DateTimeOffset(2026, 2, 28, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero)), (filter.From, filter.Until));
        Assert.True(AuditQuery.Parse(null, null, null, "2026-03-02", "2026-03-01").RangeInvalid);
        Assert.Equal(AuditQuery.None, AuditQuery.Parse("", " ", null, "gestern", "2026-13-01"));
    }

    [Fact]
    public void Every_recorded_action_has_a_German_label_and_an_unknown_one_is_named_in_German()
    {
        var unlabelled = AuditActions.All.Where(a => AdminTexts.Audit.Describe(a) == AdminTexts.Audit.Unknown(a)).ToList();

        Assert.True(unlabelled.Count == 0, $"no German label in AdminTexts.Audit.Describe for: {string.Join(", ", unlabelled)}");
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Select(AdminTexts.Audit.Describe).Distinct().Count());
        Assert.Equal("Sonstige Aktion (kuerzlich.neu)", AdminTexts.Audit.Describe("kuerzlich.neu"));
    }
}
