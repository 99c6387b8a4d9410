using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Bunit;
using MudBlazor;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Hosting;
using Quiz.Admin.Texts;

namespace Quiz.Admin.Tests;

/// <summary>MudBlazor's own texts — pager, "Required", pickers, aria labels — in German, as the console registers MudBlazor.</summary>
public sealed partial class GermanComponentTests
{
    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddGermanMudServices();
        return ctx;
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Every_text_MudBlazor_ships_has_a_German_one_with_the_same_placeholders()
    {
        var english = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudTable<>).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

        Assert.True(english.Count > 100, $"only {english.Count} texts found");
        Assert.Empty(english.Keys.Except(AdminTexts.Components.ByKey.Keys).Order());
        Assert.All(english, e => Assert.Equal(
            Placeholder().Matches(e.Value).Select(m => m.Value).Order(),
            Placeholder().Matches(AdminTexts.Components.ByKey[e.Key]).Select(m => m.Value).Order()));
    }

    [Fact]
    public async Task A_paged_table_says_Zeilen_pro_Seite_and_von_and_its_buttons_are_labelled_in_German()
    {
        await using var ctx = NewContext();

        var cut = ctx.Render<MudTable<int>>(p => p
            .Add(t => t.Items, Enumerable.Range(1, 50).ToList())
            .Add(t => t.RowTemplate, i => $"<td>{i}</td>")
            .Add<ConsoleTablePager>(t => t.PagerContent));

        Assert.Contains("Zeilen pro Seite:", cut.Find(".mud-table-pagination").TextContent);
        Assert.Equal("1–10 von 50", cut.Find(".mud-table-page-number-information").TextContent.Trim());
        var labels = cut.FindAll(".mud-table-pagination-actions button").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Equal(["Erste Seite", "Vorherige Seite", "Nächste Seite", "Letzte Seite"], labels);
        Assert.DoesNotContain("Rows per page", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(" of ", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_field_left_empty_says_Pflichtfeld()
    {
        await using var ctx = NewContext();
        var cut = ctx.Render<MudTextField<string>>(p => p.Add(f => f.Required, true));

        await cut.InvokeAsync(() => cut.Instance.ValidateAsync());

        Assert.Equal(["Pflichtfeld"], cut.Instance.ValidationErrors);
    }

    [Fact]
    public async Task The_date_picker_shows_German_months_and_days_and_labels_its_buttons_in_German()
    {
        await using var ctx = NewContext();

        var cut = ctx.Render<MudDatePicker>(p => p
            .Add(d => d.PickerVariant, PickerVariant.Static)
            .Add(d => d.Culture, GermanConsole.Culture)
            .Add(d => d.Date, new DateTime(2026, 12, 7)));

        Assert.Contains("Dezember 2026", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"], cut.FindAll(".mud-picker-calendar-header-day .mud-day-label").Select(d => d.TextContent.Trim().TrimEnd('.')));
        Assert.Contains(cut.FindAll("button"), b => b.GetAttribute("aria-label") == "Nächster Monat (Januar 2027)");
        Assert.DoesNotContain("December", cut.Markup, StringComparison.Ordinal);
    }
}
