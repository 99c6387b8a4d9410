using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Common;
using Quiz.Core.Tournaments;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// Creates a tournament as a draft, or edits a DRAFT or SCHEDULED one (<see cref="Editing"/>). Times are entered
/// as Berlin wall-clock time; the rules are checked by <see cref="TournamentAdministration"/> and shown in German.
/// </summary>
public sealed partial class TournamentCreateDialog
{
    private TournamentForm form = new();

    /// <summary>The tournament being edited; null for a new one.</summary>
    [Parameter]
    public TournamentRow? Editing { get; set; }

    [Inject]
    private TournamentAdministration Tournaments { get; set; } = default!;

    /// <summary>Opens the dialog; true when a draft was created (or <paramref name="editing"/> was saved).</summary>
    public static Task<bool> ShowAsync(IDialogService dialogs, string operatorName, TournamentRow? editing = null) =>
        ShowAsync(dialogs, editing is null ? AdminTexts.Tournaments.EditorNew : AdminTexts.Tournaments.EditorEdit,
            new DialogParameters<TournamentCreateDialog> { { d => d.OperatorName, operatorName }, { d => d.Editing, editing } });

    protected override void OnInitialized() =>
        form = Editing is { } row ? TournamentForm.Of(row) : TournamentForm.Suggested(Time.GetUtcNow());

    private Task SaveAsync()
    {
        if (form.ToDraft() is not { } draft)
        {
            Errors = [AdminTexts.Tournaments.DateMissing];
            return Task.CompletedTask;
        }
        return SaveAsync(
            () => Editing is { } row ? Tournaments.EditAsync(row.Id, draft, OperatorName) : Tournaments.CreateAsync(draft, OperatorName),
            Editing is not null, $"{(Editing is null ? AdminTexts.Tournaments.Created : AdminTexts.Tournaments.Saved)} {draft.Title.Trim()}");
    }

    /// <summary>The editable fields (MudBlazor binds to mutable properties); dates and times in Berlin.</summary>
    private sealed class TournamentForm
    {
        public string Title { get; set; } = "";
        public DateTime? StartDate { get; set; }
        public TimeSpan? StartTime { get; set; }
        public DateTime? EndDate { get; set; }
        public TimeSpan? EndTime { get; set; }
        public TournamentEntryFee EntryFee { get; set; } = TournamentEntryFee.Free;
        public int QuestionCount { get; set; } = 10;
        public List<RewardTiersEditor.TierForm> Tiers { get; } = RewardTiersEditor.TierForm.Of(TournamentRewards.All);

        /// <summary>Starting at the second full hour from now and running for one hour.</summary>
        public static TournamentForm Suggested(DateTimeOffset now)
        {
            var local = TimeZoneInfo.ConvertTime(now, BerlinDay.Zone).DateTime;
            var start = local.Date.AddHours(local.Hour + 2);
            var end = start.AddHours(1);
            return new TournamentForm { StartDate = start.Date, StartTime = start.TimeOfDay, EndDate = end.Date, EndTime = end.TimeOfDay };
        }

        /// <summary>The tournament as it is, in Berlin time.</summary>
        public static TournamentForm Of(TournamentRow row)
        {
            var start = TimeZoneInfo.ConvertTime(row.StartsAt, BerlinDay.Zone).DateTime;
            var end = TimeZoneInfo.ConvertTime(row.EndsAt, BerlinDay.Zone).DateTime;
            var form = new TournamentForm
            {
                Title = row.Title, StartDate = start.Date, StartTime = start.TimeOfDay, EndDate = end.Date, EndTime = end.TimeOfDay,
                EntryFee = row.EntryFee, QuestionCount = row.QuestionCount,
            };
            form.Tiers.Clear();
            form.Tiers.AddRange(RewardTiersEditor.TierForm.Of(TournamentRewards.Of(row.RewardTiers)));
            return form;
        }

        public TournamentDraft? ToDraft() =>
            (StartDate, StartTime, EndDate, EndTime) is ({ } sd, { } st, { } ed, { } et)
                ? new TournamentDraft(Title ?? "", Berlin(sd, st), Berlin(ed, et), EntryFee, QuestionCount, RewardTiersEditor.TierForm.ToTiers(Tiers))
                : null;

        private static DateTimeOffset Berlin(DateTime day, TimeSpan time)
        {
            var wallClock = DateTime.SpecifyKind(day.Date + time, DateTimeKind.Unspecified);
            return new DateTimeOffset(wallClock, BerlinDay.Zone.GetUtcOffset(wallClock)).ToUniversalTime();
        }
    }
}
