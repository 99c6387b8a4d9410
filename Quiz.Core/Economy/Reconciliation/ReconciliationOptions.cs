using System.ComponentModel.DataAnnotations;

namespace Quiz.Core.Economy.Reconciliation;

/// <summary>Timing and bounds of reconciliation (configuration section <c>Economy:Reconciliation</c>), validated at start.</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Economy:Reconciliation";

    /// <summary>
    /// Payments, refunds and purchases younger than this at the run's request are left to the next
    /// run: a successful_payment may still be on its way while Telegram already lists the charge.
    /// </summary>
    [Range(0, 86_400)]
    public int SettleSeconds { get; set; } = 600;

    /// <summary>
    /// getStarTransactions pages (100 transactions each) one step of a run reads; each step is one
    /// outbox command and one transaction in Core, so a step stays well inside one dispatch.
    /// </summary>
    [Range(1, 1_000)]
    public int PagesPerStep { get; set; } = 50;

    /// <summary>Tries of one step (a fault, a timeout) before the run ends as failed instead of being retried forever.</summary>
    [Range(1, 50)]
    public int MaxStepAttempts { get; set; } = 5;

    /// <summary>A run still not finished this long after its request ends as failed; "Jetzt abgleichen" then starts a new one.</summary>
    [Range(5, 10_080)]
    public int MaxRunMinutes { get; set; } = 120;
}
