using System.Text;
using Quiz.Admin.Auth;
using Quiz.Core.Audit;
using Quiz.Core.Common;

namespace Quiz.Admin.Audit;

/// <summary>
/// <c>GET /protokoll/export.csv?…</c> (admins only, the console's sign-in cookie): everything the Protokoll's filter matches,
/// streamed page by page as CSV (<see cref="AuditCsv"/>), at most <see cref="AuditReader.MaxExport"/> lines. The export
/// itself is recorded in the audit log under the operator's name.
/// </summary>
public static class AuditExportEndpoint
{
    public const string Path = "/protokoll/export.csv";

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ExportAsync).RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(AdminRoles.Admin));
        return endpoints;
    }

    private static async Task ExportAsync(
        HttpContext http, AuditReader reader, TimeProvider time, string? wer, string? aktion, string? betrifft, string? von, string? bis)
    {
        var query = AuditQuery.Parse(wer, aktion, betrifft, von, bis);
        var now = time.GetUtcNow();
        var ct = http.RequestAborted;
        await reader.RecordExportAsync(AdminRoles.DisplayName(http.User), query.Filter(), now, ct);

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"protokoll-{BerlinDay.Containing(now).Day:yyyy-MM-dd}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync(AuditCsv.Header);
        if (query.RangeInvalid) return;
        await foreach (var line in reader.ExportAsync(query.Filter(), ct))
        {
            await writer.WriteLineAsync(AuditCsv.Line(line));
        }
    }
}
