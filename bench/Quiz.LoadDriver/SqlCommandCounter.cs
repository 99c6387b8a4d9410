using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Quiz.LoadDriver;

/// <summary>
/// Counts the SQL commands the bot sends (Npgsql's <c>db.client.operation.duration</c>, one
/// measurement per command or batch) in this process: the bot runs inside the driver. Each webhook
/// request the driver tags (<see cref="TagHeader"/>: answer or start) counts its own commands too,
/// so "per answer update" is measured, not estimated from the mix.
/// </summary>
internal sealed class SqlCommandCounter : IDisposable
{
    /// <summary>The request header naming the update's kind; <see cref="BotHost"/> puts it into <see cref="Tag"/>.</summary>
    public const string TagHeader = "X-Bench-Update";

    /// <summary>The kind of update this async flow handles (set per webhook request).</summary>
    public static readonly AsyncLocal<string?> Tag = new();

    private readonly MeterListener listener = new();
    private long commands;
    private long answerCommands;
    private long startCommands;

    public SqlCommandCounter()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) =>
        {
            Interlocked.Increment(ref commands);
            if (Tag.Value == AnswerLoad.AnswerTag) Interlocked.Increment(ref answerCommands);
            else if (Tag.Value == AnswerLoad.StartTag) Interlocked.Increment(ref startCommands);
        });
        listener.Start();
        if (Environment.GetEnvironmentVariable("QUIZ_SQLTRACE") == "1") ActivitySource.AddActivityListener(statements);
    }

    /// <summary>With <c>QUIZ_SQLTRACE=1</c>: how often each statement (its first 90 characters) ran in an answer update.</summary>
    public static readonly ConcurrentDictionary<string, int> Trace = new();

    private readonly ActivityListener statements = new()
    {
        ShouldListenTo = source => source.Name == "Npgsql",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        ActivityStopped = activity =>
        {
            if (Tag.Value != AnswerLoad.AnswerTag) return;
            var text = (activity.GetTagItem("db.query.text") ?? activity.DisplayName)?.ToString()?.ReplaceLineEndings(" ") ?? "?";
            Trace.AddOrUpdate(text.Length > 90 ? text[..90] : text, 1, (_, n) => n + 1);
        },
    };

    public long Commands => Interlocked.Read(ref commands);

    /// <summary>Commands sent while handling an answer update (webhook request to response).</summary>
    public long AnswerCommands => Interlocked.Read(ref answerCommands);

    public long StartCommands => Interlocked.Read(ref startCommands);

    public void Dispose()
    {
        listener.Dispose();
        statements.Dispose();
    }
}
