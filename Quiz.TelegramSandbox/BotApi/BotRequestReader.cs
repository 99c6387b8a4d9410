using System.Text.Json;
using System.Text.Json.Nodes;

namespace Quiz.TelegramSandbox.BotApi;

/// <summary>Reads parameters the four ways Telegram accepts them: query string, JSON, urlencoded, multipart.</summary>
public static class BotRequestReader
{
    /// <summary>Telegram's limit for a file a bot uploads.</summary>
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    public static Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken ct) => ReadAsync(request, new Dictionary<string, UploadedFile>(), ct);

    /// <summary>As above; uploaded files (multipart) go to <paramref name="files"/> by part name.</summary>
    public static async Task<JsonObject> ReadAsync(HttpRequest request, Dictionary<string, UploadedFile> files, CancellationToken ct)
    {
        var values = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            values[key] = value.ToString();
        }

        if (!HttpMethods.IsPost(request.Method) || request.ContentLength == 0)
        {
            return values;
        }

        if (request.HasJsonContentType())
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            }
            catch (JsonException)
            {
                throw BotApiException.BadRequest("can't parse JSON object");
            }

            if (body is JsonObject obj)
            {
                foreach (var (key, value) in obj.ToList())
                {
                    obj.Remove(key);
                    values[key] = value;
                }
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var (key, value) in form)
            {
                values[key] = value.ToString();
            }

            // A part is the parameter of its name, unless a parameter refers to it ("attach://<part>",
            // as Telegram.Bot sends streams): then it is only the upload, not a parameter of its own.
            var attached = form.Select(f => f.Value.ToString()).Where(v => v.StartsWith("attach://", StringComparison.Ordinal)).Select(v => v["attach://".Length..]).ToHashSet(StringComparer.Ordinal);
            foreach (var file in form.Files)
            {
                if (file.Length > MaxUploadBytes)
                {
                    throw new BotApiException(413, "Request Entity Too Large");
                }

                using var content = new MemoryStream();
                await file.CopyToAsync(content, ct);
                files[file.Name] = new UploadedFile(file.FileName, file.ContentType, content.ToArray());
                if (!attached.Contains(file.Name)) values[file.Name] = "attach://" + file.Name;
            }
        }

        return values;
    }
}

/// <summary>One file part of a multipart request.</summary>
public sealed record UploadedFile(string FileName, string? ContentType, byte[] Content);
