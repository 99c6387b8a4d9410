using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// A flag's evidence (the detector's JSON) for reading: its <c>summary</c> as a sentence, every other top-level value
/// as "key: value" (nested values as compact JSON). Text from the database is rendered as text, never as markup.
/// </summary>
public sealed partial class FlagEvidence
{
    private const int MaxValueLength = 300;

    [Parameter, EditorRequired]
    public string Json { get; set; } = "{}";

    private string? Summary { get; set; }

    private List<(string Key, string Value)> Facts { get; } = [];

    protected override void OnParametersSet()
    {
        Summary = null;
        Facts.Clear();
        try
        {
            using var document = JsonDocument.Parse(Json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Facts.Add(("", Shorten(document.RootElement.GetRawText())));
                return;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("summary") && property.Value.ValueKind == JsonValueKind.String) Summary = property.Value.GetString();
                else Facts.Add((property.Name, Shorten(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText())));
            }
        }
        catch (JsonException)
        {
            Facts.Add(("", Shorten(Json)));
        }
    }

    private static string Shorten(string text) => text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength), " …");
}
