using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Quiz.TelegramSandbox.State;
using Quiz.TelegramSandbox.Wire;

namespace Quiz.TelegramSandbox.BotApi;

/// <summary>/bot&lt;token&gt;/&lt;method&gt;: Telegram's envelope, status codes and call log around every handler.</summary>
public sealed class BotApiEndpoint(
    BotMethodRouter router, CallLog calls, IOptions<SandboxOptions> options, TimeProvider time, ILogger<BotApiEndpoint> log)
{
    public async Task HandleAsync(HttpContext context, string token, string method)
    {
        var ct = context.RequestAborted;
        var definition = BotMethodTable.Find(method);
        var parameters = new JsonObject();
        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        ApiResponse response;
        try
        {
            parameters = await BotRequestReader.ReadAsync(context.Request, files, ct);
            if (!string.Equals(token, options.Value.BotToken, StringComparison.Ordinal))
            {
                throw ErrorTexts.Unauthorized();
            }

            if (definition is null)
            {
                throw ErrorTexts.NotFound();
            }

            foreach (var required in definition.Required)
            {
                var value = parameters[required.Name];
                if (!BotParameters.IsPresent(value) && !(required.AllowEmpty && value is not null))
                {
                    throw ErrorTexts.Missing(required.Name);
                }
            }

            var result = await router.InvokeAsync(new BotParameters(definition, parameters, files), ct);
            response = new ApiResponse(true, result.Result, Description: result.Description);
        }
        catch (BotApiException e)
        {
            response = new ApiResponse(false, ErrorCode: e.ErrorCode, Description: e.Description,
                Parameters: e.RetryAfter is { } retry ? new ResponseParameters(retry) : null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "Bot API method {Method} failed inside the sandbox", method);
            response = new ApiResponse(false, ErrorCode: 500, Description: "Internal Server Error");
        }

        var status = response.Ok ? 200 : response.ErrorCode!.Value;
        calls.Add(definition?.Name ?? method, ForLog(parameters), status, response.Description, time.GetUtcNow());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(WireJson.Serialize(response), ct);
    }

    /// <summary>JSON-serialized parameters sent as form strings are logged as JSON, as a JSON body would carry them.</summary>
    private static JsonObject ForLog(JsonObject parameters)
    {
        foreach (var name in JsonParameters)
        {
            if (parameters[name] is JsonValue v && v.TryGetValue(out string? text) && text is ['{' or '[', ..])
            {
                try
                {
                    parameters[name] = JsonNode.Parse(text);
                }
                catch (System.Text.Json.JsonException)
                {
                    // Logged as sent; the handler already refused it.
                }
            }
        }

        return parameters;
    }

    private static readonly string[] JsonParameters =
        ["reply_markup", "entities", "prices", "allowed_updates", "commands", "scope", "link_preview_options", "reply_parameters"];
}
