using System.ComponentModel.DataAnnotations;

namespace Quiz.Bot.Inbound;

/// <summary>One budget: a bucket of <see cref="Burst"/> tokens that refills one token every <see cref="RefillSeconds"/>.</summary>
public sealed class InboundBudget
{
    [Range(1, 1000)]
    public int Burst { get; set; }

    [Range(0.1, 3600)]
    public double RefillSeconds { get; set; }

    /// <summary>
    /// After the bucket ran dry, refuse this kind for this many seconds, counted again from every refused request: a
    /// flood that keeps coming stays silent even when it arrives slowly (Telegram delivers a chat's updates one after
    /// another), a person who stops is back after this pause. 0: no pause, only the bucket.
    /// </summary>
    [Range(0, 3600)]
    public double CooldownSeconds { get; set; }
}

/// <summary>
/// What one player may send (configuration section <c>Bot:Inbound</c>), per kind and across replicas.
/// The defaults let a person play at full speed (an answer every second or two, a few commands in a
/// row) and stop a script after a handful of requests: 25 commands get 5 replies and one notice, however fast they come.
/// </summary>
public sealed class InboundLimitOptions
{
    public const string Section = "Bot:Inbound";

    /// <summary>Text messages and commands: 5 in a row, then one every 2 s (30 a minute; a scripted burst of 25 gets 5).</summary>
    [Required]
    public InboundBudget Commands { get; set; } = new() { Burst = 5, RefillSeconds = 2, CooldownSeconds = 10 };

    /// <summary>Button presses (answers included): 12 in a row, then one a second; nobody reads and answers faster for long. No pause: a late answer must not be lost.</summary>
    [Required]
    public InboundBudget Buttons { get; set; } = new() { Burst = 12, RefillSeconds = 1 };

    /// <summary>"Kaufen" presses, each an invoice row and a Bot API call: 3 in a row, then one every 20 s.</summary>
    [Required]
    public InboundBudget Invoices { get; set; } = new() { Burst = 3, RefillSeconds = 20, CooldownSeconds = 20 };

    /// <summary>A player over budget hears "Bitte etwas langsamer" at most once in this window.</summary>
    [Range(1, 3600)]
    public int NoticeWindowSeconds { get; set; } = 30;

    public InboundBudget Budget(InboundKind kind) => kind switch
    {
        InboundKind.Command => Commands,
        InboundKind.Button => Buttons,
        _ => Invoices,
    };
}
