using System.ComponentModel.DataAnnotations;

namespace Quiz.Core.Economy.Reconciliation;

/// <summary>Timing of reconciliation (configuration section <c>Economy:Reconciliation</c>), validated at start.</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Economy:Reconciliation";

    /// <summary>
    /// Payments, refunds and purchases younger than this at the run's request are left to the next
    /// run: a successful_payment may still be on its way while Telegram already lists the charge.
    /// </summary>
    [Range(0, 86_400)]
    public int SettleSeconds { get; set; } = 600;
}
