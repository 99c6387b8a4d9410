using System.Diagnostics.Metrics;
using Quiz.Core.Game.Selection;

namespace Quiz.Core;

/// <summary>
/// Core's one meter (<c>Quiz.Core</c>), made by the host's <see cref="IMeterFactory"/> so it lives and dies
/// with the container and tests can observe it; the instruments every use-case records into.
/// </summary>
public sealed class CoreMetrics
{
    public const string MeterName = "Quiz.Core";

    private readonly Counter<long> timeouts;
    private readonly Counter<long> idleEnded;
    private readonly Counter<long> relaxations;

    public CoreMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        timeouts = meter.CreateCounter<long>("quiz.sessions.timeouts", description: "Unanswered questions revealed by the game clock");
        idleEnded = meter.CreateCounter<long>("quiz.sessions.idle_ended", description: "Games ended after the idle limit");
        relaxations = meter.CreateCounter<long>("quiz.selection.relaxations", description: "Question picks that relaxed an anti-repeat constraint");
    }

    public void TimeoutRevealed(int count) => timeouts.Add(count);

    public void IdleEnded(int count) => idleEnded.Add(count);

    public void SelectionRelaxed(Relaxation relaxed)
    {
        if (relaxed.HasFlag(Relaxation.Pattern)) relaxations.Add(1, new KeyValuePair<string, object?>("constraint", "pattern"));
        if (relaxed.HasFlag(Relaxation.QuestionWindowHalved)) relaxations.Add(1, new KeyValuePair<string, object?>("constraint", "question"));
        if (relaxed.HasFlag(Relaxation.Position)) relaxations.Add(1, new KeyValuePair<string, object?>("constraint", "position"));
    }
}
