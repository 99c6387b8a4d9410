using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Quiz.Testing;

namespace Quiz.EndToEndTests;

/// <summary>
/// A stand-in for the dashboard's OTLP endpoint (OTLP/HTTP, protobuf) on loopback: keeps every export the
/// services send, so tests can see what would reach a telemetry backend. Protobuf keeps strings as UTF-8, so
/// names and attribute values can be searched in the raw bodies.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(string Path, string Body)> exports = new();
    private readonly Task loop;

    public OtlpReceiver()
    {
        Endpoint = $"http://127.0.0.1:{LoopbackPort.Free()}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        loop = Task.Run(ReceiveAsync);
    }

    public string Endpoint { get; }

    /// <summary>Bodies received at <c>/v1/traces</c>, <c>/v1/metrics</c> or <c>/v1/logs</c>.</summary>
    public IReadOnlyList<string> Bodies(string signal) =>
        exports.Where(e => e.Path == "/v1/" + signal).Select(e => e.Body).ToList();

    /// <summary>
    /// A string attribute of the exporting process's resource (e.g. <c>service.instance.id</c>): every export body is one
    /// process's, and the attribute's key is followed by its <c>AnyValue</c> (field 2, holding a string_value, field 1).
    /// </summary>
    public static string? ResourceAttribute(string body, string key)
    {
        var at = body.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) return null;
        var value = at + key.Length;
        if (value + 4 > body.Length || body[value] != '\x12' || body[value + 2] != '\x0a') return null;
        var length = (int)body[value + 3];
        return length < 0x80 && value + 4 + length <= body.Length ? body.Substring(value + 4, length) : null;
    }

    private async Task ReceiveAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            exports.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
