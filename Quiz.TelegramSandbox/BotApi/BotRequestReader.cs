using System.Text.Json;
using System.Text.Json.Nodes;

namespace Quiz.TelegramSandbox.BotApi;

/// <summary>Reads parameters the four ways Telegram accepts them: query string, JSON, urlencoded, multipart.</summary>
public static class BotRequestReader
{
    public static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken ct)
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

            // Uploaded files are accepted and remembered by name only; the sandbox stores no media.
            foreach (var file in form.Files)
            {
                values[file.Name] = "attach://" + file.FileName;
            }
        }

        return values;
    }
}
