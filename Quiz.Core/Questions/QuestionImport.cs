using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quiz.Core.Data;

namespace Quiz.Core.Questions;

/// <summary>
/// Imports one content file (the format of <c>content/questions/*.json</c>) from the console.
/// <see cref="CheckAsync"/> only reports; <see cref="ApplyAsync"/> checks again against the current
/// database and then writes through <see cref="QuestionContentImporter"/>, the same upsert the
/// migrator runs. All-or-nothing, like a content file in the repository: one rejected question
/// means nothing is written, so the database never holds half of a reviewed file.
/// </summary>
public sealed class QuestionImport(IDbContextFactory<QuizDbContext> contexts, TimeProvider time, ILogger<QuestionContentImporter> importerLog)
{
    /// <summary>Strict reading: missing fields and nulls where the format has none are errors, not defaults.</summary>
    private static readonly JsonSerializerOptions Strict = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
    };

    public async Task<ImportReport> CheckAsync(string fileName, string json, CancellationToken ct = default)
    {
        var (file, unreadable) = Parse(fileName, json);
        if (file is null) return unreadable!;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ImportCheck.RunAsync(db, fileName, file, ct);
    }

    public async Task<ImportReport> ApplyAsync(string fileName, string json, CancellationToken ct = default)
    {
        var (file, unreadable) = Parse(fileName, json);
        if (file is null) return unreadable!;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var report = await ImportCheck.RunAsync(db, fileName, file, ct);
        if (!report.IsValid) return report;
        try
        {
            await new QuestionContentImporter(db, time, importerLog).ImportAsync([(fileName, file)], ct, anyRelated: true);
        }
        catch (InvalidContentException ex)
        {
            return report with { FileErrors = [.. ex.Errors.Select(e => $"Regel verletzt: {e}")] };
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Someone created a category of that name between the check and the write.
            return report with { FileErrors = ["Die Datenbank hat den Import abgelehnt (Kategoriename schon vergeben). Bitte erneut prüfen."] };
        }
        return report with { Applied = true };
    }

    private static (QuestionFile? File, ImportReport? Unreadable) Parse(string fileName, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<QuestionFile>(json, Strict) is { } file
                ? (file, null)
                : (null, ImportReport.Unreadable(fileName, "Die Datei enthält nichts (null)."));
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (Zeile {line + 1}, {ex.Path})" : "";
            return (null, ImportReport.Unreadable(fileName,
                $"Die Datei ist kein gültiges Fragen-JSON{where}: Ein Pflichtfeld fehlt, ist leer oder hat den falschen Typ."));
        }
    }
}
