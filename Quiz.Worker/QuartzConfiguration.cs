using Quartz;
using Quiz.Worker.Jobs;

namespace Quiz.Worker;

/// <summary>
/// The worker's scheduler: a persistent, clustered job store in the Quiz database, so that several
/// worker nodes share one schedule and each trigger fires on exactly one of them. Its tables are made by the migrator
/// (migration <c>QuartzSchema</c>): the worker's role may not create tables, and Quartz only validates them at start.
/// </summary>
public static class QuartzConfiguration
{
    public const string SchedulerName = "quiz-worker";
    public static readonly TimeSpan HousekeepingInterval = TimeSpan.FromMinutes(1);

    /// <summary>How often the game clock looks for missed answers, idle games and expired duels.</summary>
    public static readonly TimeSpan GameClockInterval = TimeSpan.FromSeconds(2);

    /// <summary>How often tournaments are started, finished and rewarded when due (at most this late).</summary>
    public static readonly TimeSpan TournamentClockInterval = TimeSpan.FromSeconds(5);

    /// <summary>How often the series plan their tournaments ahead (days ahead, so a minute late changes nothing for players).</summary>
    public static readonly TimeSpan TournamentSeriesInterval = TimeSpan.FromMinutes(1);

    /// <summary>How often announcements being sent are fanned out into the outbox and finished ones counted.</summary>
    public static readonly TimeSpan AnnouncementInterval = TimeSpan.FromSeconds(3);

    /// <summary>How often the batch cheat detectors read the new answers, duels and refund requests.</summary>
    public static readonly TimeSpan CheatScanInterval = TimeSpan.FromMinutes(1);

    /// <summary>How often the new answers are counted into the question statistics and difficulties calibrated.</summary>
    public static readonly TimeSpan QuestionStatsInterval = TimeSpan.FromMinutes(1);

    /// <summary>How old today's figures on the console's charts are at most.</summary>
    public static readonly TimeSpan DailyFiguresInterval = TimeSpan.FromMinutes(5);

    public static IQuartzBuilder UseQuizClusteredStore(this IQuartzBuilder quartz, string connectionString)
    {
        quartz.ConfigureScheduler(o =>
        {
            o.InstanceName = SchedulerName;
            // Instance id AUTO: every node generates its own id; the cluster is the shared name.
            o.GenerateInstanceId = true;
        });
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.UseSystemTextJsonSerializer();
            store.UseClustering(c =>
            {
                c.CheckinInterval = TimeSpan.FromSeconds(10);
                // A node silent for this long is presumed dead and its firings are recovered.
                c.CheckinMisfireThreshold = TimeSpan.FromSeconds(30);
            });
            store.ConfigureStore(o => o.MisfireThreshold = TimeSpan.FromSeconds(30));
        });
        return quartz;
    }

    /// <summary>
    /// Recurring jobs. Misfire choice: housekeeping is idempotent and only looks at "now", so
    /// after downtime we skip the missed runs and continue at the next interval
    /// (<see cref="SimpleTriggerMisfireInstruction.NextWithRemainingCount"/>) instead of a burst of
    /// catch-up runs when a taken-over node starts. The daily reconciliation is the exception: a
    /// missed day fires once (its day key keeps it single).
    /// </summary>
    public static IQuartzBuilder AddQuizJobs(this IQuartzBuilder quartz)
    {
        quartz.ScheduleJob<HousekeepingJob>(
            trigger => trigger
                .WithIdentity("housekeeping-every-minute", "quiz")
                .StartNow()
                .WithSimpleSchedule(s => s
                    .WithInterval(HousekeepingInterval)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(HousekeepingJob.Key).WithDescription("Alte Outbox-Einträge, abgelaufene Rechnungen und Update-IDs löschen"));
        quartz.ScheduleJob<GameClockJob>(
            trigger => trigger
                .WithIdentity("game-clock", "quiz")
                .StartNow()
                .WithSimpleSchedule(s => s
                    .WithInterval(GameClockInterval)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(GameClockJob.Key).WithDescription("Zeitüberschreitungen auflösen, ruhende Spiele beenden, Duelle ablaufen lassen"));

        quartz.ScheduleJob<TournamentClockJob>(
            trigger => trigger
                .WithIdentity("tournament-clock", "quiz")
                .StartNow()
                .WithSimpleSchedule(s => s
                    .WithInterval(TournamentClockInterval)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(TournamentClockJob.Key).WithDescription("Turniere starten, beenden und belohnen, wenn es so weit ist"));

        quartz.ScheduleJob<TournamentSeriesJob>(
            trigger => trigger
                .WithIdentity("tournament-series", "quiz")
                .StartNow()
                .WithSimpleSchedule(s => s
                    .WithInterval(TournamentSeriesInterval)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(TournamentSeriesJob.Key).WithDescription("Turniere der Serien im Voraus anlegen und planen"));

        quartz.ScheduleJob<CheatScanJob>(
            trigger => trigger
                .WithIdentity("cheat-scan", "quiz")
                .StartNow()
                .WithSimpleSchedule(s => s
                    .WithInterval(CheatScanInterval)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(CheatScanJob.Key).WithDescription("Auffällige Spielmuster markieren (gleichmäßig perfekt, Gleichtakt, frische Konten, Erstattungen)"));

        quartz.ScheduleJob<QuestionStatsJob>(
            trigger => trigger
                .WithIdentity("question-stats", "quiz")
                .StartNow()
                .WithSimpleSchedule(s => s
                    .WithInterval(QuestionStatsInterval)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(QuestionStatsJob.Key).WithDescription("Antworten je Frage zählen und die Schwierigkeit daraus ableiten"));

        quartz.ScheduleJob<DailyFiguresJob>(
            trigger => trigger
                .WithIdentity("daily-figures", "quiz")
                .StartNow()
                .WithSimpleSchedule(s => s
                    .WithInterval(DailyFiguresInterval)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(DailyFiguresJob.Key).WithDescription("Tageszahlen für die Diagramme der Übersicht berechnen (Berliner Tage)"));

        quartz.ScheduleJob<AnnouncementJob>(
            trigger => trigger
                .WithIdentity("announcements", "quiz")
                .StartNow()
                .WithSimpleSchedule(s => s
                    .WithInterval(AnnouncementInterval)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(AnnouncementJob.Key).WithDescription("Nachrichten an Spieler in die Outbox verteilen und abschließen"));

        // Daily at 04:30 Berlin. A node that was down then fires the missed run once at start;
        // the day key makes any extra firing a no-op.
        quartz.ScheduleJob<ReconciliationJob>(
            trigger => trigger
                .WithIdentity("reconciliation-daily", "quiz")
                .WithCronSchedule("0 30 4 * * ?", cron => cron
                    .InTimeZone(Core.Common.BerlinDay.Zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
            job => job.WithIdentity(ReconciliationJob.Key).WithDescription("Täglicher Abgleich mit den Telegram-Stars-Transaktionen"));
        return quartz;
    }
}
