using Microsoft.AspNetCore.Components;
using Quiz.Core.Tournaments;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// Edits a list of reward tiers in place (the dialog owning <see cref="Tiers"/> reads it back with
/// <see cref="TierForm.ToTiers"/>); the rules are Core's (<see cref="RewardTierRules"/>), shown by the dialog.
/// </summary>
public sealed partial class RewardTiersEditor
{
    [Parameter, EditorRequired]
    public List<TierForm> Tiers { get; set; } = [];

    private void Add() => Tiers.Add(new TierForm { Share = false, From = NextRank(), To = NextRank(), Jokers = 1 });

    private void Remove(TierForm tier) => Tiers.Remove(tier);

    private void Defaults()
    {
        Tiers.Clear();
        Tiers.AddRange(TierForm.Of(TournamentRewards.All));
    }

    private int NextRank() => Tiers.Where(t => !t.Share).Select(t => (t.To ?? 0) + 1).DefaultIfEmpty(1).Max();

    /// <summary>One tier as the fields bind it (MudBlazor binds to mutable properties).</summary>
    public sealed class TierForm
    {
        public bool Share { get; set; }
        public int? From { get; set; }
        public int? To { get; set; }
        public int? Percent { get; set; }
        public int Tickets { get; set; }
        public int Jokers { get; set; }
        public int ExtraLives { get; set; }
        public int Games { get; set; }

        public static List<TierForm> Of(IReadOnlyList<RewardTier> tiers) => [.. tiers.Select(t => new TierForm
        {
            Share = t.TopPercent is not null, From = t.FromRank, To = t.ToRank, Percent = t.TopPercent,
            Tickets = t.Contents.TournamentTickets, Jokers = t.Contents.Jokers, ExtraLives = t.Contents.ExtraLives, Games = t.Contents.Games,
        })];

        public static List<RewardTier> ToTiers(IEnumerable<TierForm> forms) => [.. forms.Select(f => f.ToTier())];

        private RewardTier ToTier()
        {
            var contents = new RewardContents(Tickets, Jokers, ExtraLives, Games);
            return Share ? new RewardTier(null, null, Percent ?? 0, contents) : new RewardTier(From, To, null, contents);
        }
    }
}
