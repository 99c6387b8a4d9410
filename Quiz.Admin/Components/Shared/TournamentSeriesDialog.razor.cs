using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Tournaments;
using Quiz.Core.Tournaments.Series;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// Creates a series or edits one (<see cref="Editing"/>): title pattern, weekdays, Berlin start time, length, entry,
/// questions, horizon and Gewinnstufen; the rules are Core's (<see cref="SeriesRules"/>), shown in German, and a preview
/// names the next start with its title as the worker will plan it.
/// </summary>
public sealed partial class TournamentSeriesDialog
{
    private SeriesForm form = new();

    /// <summary>The series being edited; null for a new one.</summary>
    [Parameter]
    public SeriesRow? Editing { get; set; }

    [Inject]
    private SeriesAdministration Series { get; set; } = default!;

    /// <summary>Opens the dialog; true when a series was created (or <paramref name="editing"/> was saved).</summary>
    public static Task<bool> ShowAsync(IDialogService dialogs, string operatorName, SeriesRow? editing = null) =>
        ShowAsync(dialogs, editing is null ? AdminTexts.Series.EditorNew : AdminTexts.Series.EditorEdit,
            new DialogParameters<TournamentSeriesDialog> { { d => d.OperatorName, operatorName }, { d => d.Editing, editing } });

    protected override void OnInitialized() => form = Editing is { } row ? SeriesForm.Of(row) : new SeriesForm();

    private void Toggle(DayOfWeek day, bool on)
    {
        if (on) form.Days.Add(day);
        else form.Days.Remove(day);
    }

    /// <summary>"Sonntag, 13.12.2026 20:00 – „Sonntagsturnier 13.12.2026“" while the entries make a valid series.</summary>
    private string? Preview()
    {
        if (form.ToDraft() is not { } draft || SeriesRules.Problems(draft).Count > 0) return null;
        var mask = SeriesWeekdays.Mask(draft.Weekdays);
        if (SeriesSchedule.Next(mask, draft.StartTime, Time.GetUtcNow()) is not { } slot) return null;
        var series = new TournamentSeries
        {
            TitlePattern = draft.TitlePattern.Trim(), WeekdayMask = mask, StartTime = draft.StartTime, DurationMinutes = draft.DurationMinutes,
            EntryFee = draft.EntryFee, QuestionCount = draft.QuestionCount,
        };
        var number = (Editing?.Planned ?? 0) + 1;
        return $"{AdminTexts.Series.LongDay(slot.Day.DayOfWeek)}, {AdminFormat.Moment(slot.StartsAt)} – „{SeriesPlanner.Occurrence(series, slot, number).Title}“";
    }

    private Task SaveAsync()
    {
        if (form.ToDraft() is not { } draft)
        {
            Errors = [AdminTexts.Series.TimeMissing];
            return Task.CompletedTask;
        }
        return SaveAsync(
            () => Editing is { } row ? Series.EditAsync(row.Id, draft, OperatorName) : Series.CreateAsync(draft, OperatorName),
            Editing is not null, $"{(Editing is null ? AdminTexts.Series.Created : AdminTexts.Series.Saved)} {draft.TitlePattern.Trim()}");
    }

    /// <summary>The editable fields (MudBlazor binds to mutable properties): by default Sundays 20:00 Berlin, an hour, 7 days ahead.</summary>
    private sealed class SeriesForm
    {
        public string Pattern { get; set; } = "";
        public HashSet<DayOfWeek> Days { get; } = [DayOfWeek.Sunday];
        public TimeSpan? StartTime { get; set; } = new TimeSpan(20, 0, 0);
        public int DurationMinutes { get; set; } = 60;
        public TournamentEntryFee EntryFee { get; set; } = TournamentEntryFee.Free;
        public int QuestionCount { get; set; } = 10;
        public int HorizonDays { get; set; } = 7;
        public List<RewardTiersEditor.TierForm> Tiers { get; } = RewardTiersEditor.TierForm.Of(TournamentRewards.All);

        public static SeriesForm Of(SeriesRow row)
        {
            var form = new SeriesForm
            {
                Pattern = row.TitlePattern, StartTime = row.StartTime.ToTimeSpan(), DurationMinutes = row.DurationMinutes,
                EntryFee = row.EntryFee, QuestionCount = row.QuestionCount, HorizonDays = row.HorizonDays,
            };
            form.Days.Clear();
            form.Days.UnionWith(row.Weekdays);
            form.Tiers.Clear();
            form.Tiers.AddRange(RewardTiersEditor.TierForm.Of(TournamentRewards.Of(row.RewardTiers)));
            return form;
        }

        public TournamentSeriesDraft? ToDraft() => StartTime is { } time
            ? new TournamentSeriesDraft(Pattern ?? "", [.. Days], TimeOnly.FromTimeSpan(time), DurationMinutes, EntryFee, QuestionCount, HorizonDays,
                RewardTiersEditor.TierForm.ToTiers(Tiers))
            : null;
    }
}
