using Quiz.Core.Audit;
using Quiz.Core.Tournaments;
using Quiz.IntegrationTests.Game;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>Editing a DRAFT or SCHEDULED tournament: the clock follows the new times; other states, and changes that would wrong entrants, are refused in German.</summary>
public sealed class TournamentEditTests(PostgresDatabase database) : GameKitTests(database)
{
    private TournamentKit T => new(Database, Core, Time);

    [Fact]
    public async Task A_scheduled_tournament_moved_later_does_not_start_at_the_old_time_but_at_the_new_one()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3, title: "Alt");
        var now = Time.GetUtcNow();

        var saved = await T.Admin().EditAsync(id, new TournamentDraft("  Neu  ", now.AddHours(2), now.AddHours(4), TournamentEntryFee.Ticket, 7), TournamentKit.Operator);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var t = await T.LoadAsync(id);
        Assert.Equal(("Neu", now.AddHours(2), now.AddHours(4), TournamentEntryFee.Ticket, 7), (t.Title, t.StartsAt, t.EndsAt, t.EntryFee, t.QuestionCount));
        Time.Advance(TimeSpan.FromHours(1));
        await T.ClockAsync();
        Assert.Equal(TournamentState.Scheduled, (await T.LoadAsync(id)).State);
        Time.Advance(TimeSpan.FromHours(1));
        await T.ClockAsync();
        Assert.Equal(TournamentState.Active, (await T.LoadAsync(id)).State);
        await using var db = T.Context();
        var edited = Assert.Single(await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id)), a => a.Action == AuditActions.TournamentEdited);
        Assert.Contains("Titel: Alt → Neu", edited.Details);
        Assert.Contains("Eintritt: kostenlos → Turnier-Ticket", edited.Details);
    }

    [Fact]
    public async Task Edits_that_break_the_rules_or_come_too_late_are_refused_in_german_and_change_nothing()
    {
        var id = await T.ScheduledAsync(TournamentEntryFee.Free, questions: 3, title: "Fest");
        await T.JoinAsync(await Kit.NewPlayerAsync(), id);
        var now = Time.GetUtcNow();

        var started = await T.Admin().EditAsync(id, new TournamentDraft("Fest", now.AddMinutes(-1), now.AddHours(2), TournamentEntryFee.Free, 3), TournamentKit.Operator);
        var fee = await T.Admin().EditAsync(id, new TournamentDraft("Fest", now.AddHours(1), now.AddHours(2), TournamentEntryFee.Ticket, 3), TournamentKit.Operator);
        var invalid = await T.Admin().EditAsync(id, new TournamentDraft("", now.AddHours(1), now.AddHours(1).AddMinutes(1), TournamentEntryFee.Free, 99), TournamentKit.Operator);
        await T.Admin().StartNowAsync(id, TournamentKit.Operator);
        var running = await T.Admin().EditAsync(id, new TournamentDraft("Später", now.AddHours(1), now.AddHours(2), TournamentEntryFee.Free, 3), TournamentKit.Operator);
        var unknown = await T.Admin().EditAsync(Guid.NewGuid(), new TournamentDraft("X", now.AddHours(1), now.AddHours(2), TournamentEntryFee.Free, 3), TournamentKit.Operator);

        Assert.Equal([TournamentRules.StartPassed], started.Errors);
        Assert.Equal([TournamentRules.EntryFixed], fee.Errors);
        Assert.Contains("Der Titel fehlt.", invalid.Errors);
        Assert.Contains("Ein Turnier hat 3 bis 30 Fragen.", invalid.Errors);
        Assert.Equal([TournamentRules.NotEditable], running.Errors);
        Assert.Equal(TransitionOutcome.NotFound, unknown.Outcome);
        var t = await T.LoadAsync(id);
        Assert.Equal(("Fest", TournamentEntryFee.Free, 3), (t.Title, t.EntryFee, t.QuestionCount));
        await using var db = T.Context();
        Assert.DoesNotContain(await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id)), a => a.Action == AuditActions.TournamentEdited);
    }
}
