using Microsoft.EntityFrameworkCore;
using Quiz.Core.Announcements;
using Quiz.Core.AntiCheat;
using Quiz.Core.Audit;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Economy.Support;
using Quiz.Core.Features;
using Quiz.Core.Game;
using Quiz.Core.Game.Duels;
using Quiz.Core.Messaging;
using Quiz.Core.Operations;
using Quiz.Core.Players;
using Quiz.Core.Questions;
using Quiz.Core.Questions.Stats;
using Quiz.Core.Tournaments;
using Quiz.Core.Tournaments.Series;

namespace Quiz.Core.Data;

/// <summary>The one DbContext of Quiz. Table and column names are snake_case.</summary>
public sealed class QuizDbContext(DbContextOptions<QuizDbContext> options) : DbContext(options)
{
    public DbSet<Player> Players => Set<Player>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<GameSession> GameSessions => Set<GameSession>();
    public DbSet<SessionQuestion> SessionQuestions => Set<SessionQuestion>();
    public DbSet<AnswerEvent> AnswerEvents => Set<AnswerEvent>();
    public DbSet<QuestionSet> QuestionSets => Set<QuestionSet>();
    public DbSet<QuestionSetItem> QuestionSetItems => Set<QuestionSetItem>();
    public DbSet<Duel> Duels => Set<Duel>();
    public DbSet<QuestionReport> QuestionReports => Set<QuestionReport>();
    public DbSet<QuestionStats> QuestionStats => Set<QuestionStats>();
    public DbSet<QuestionStatsCursor> QuestionStatsCursors => Set<QuestionStatsCursor>();
    public DbSet<Package> Packages => Set<Package>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<Purchase> Purchases => Set<Purchase>();
    public DbSet<Entitlement> Entitlements => Set<Entitlement>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<ProcessedUpdate> ProcessedUpdates => Set<ProcessedUpdate>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<SupportCase> SupportCases => Set<SupportCase>();
    public DbSet<ReconciliationRun> ReconciliationRuns => Set<ReconciliationRun>();
    public DbSet<ReconciliationAlert> ReconciliationAlerts => Set<ReconciliationAlert>();
    public DbSet<ReconciliationCursor> ReconciliationCursors => Set<ReconciliationCursor>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Tournament> Tournaments => Set<Tournament>();
    public DbSet<TournamentEntry> TournamentEntries => Set<TournamentEntry>();
    public DbSet<TournamentResult> TournamentResults => Set<TournamentResult>();
    public DbSet<TournamentSeries> TournamentSeries => Set<TournamentSeries>();
    public DbSet<CheatFlag> CheatFlags => Set<CheatFlag>();
    public DbSet<AntiCheatCursor> AntiCheatCursors => Set<AntiCheatCursor>();
    public DbSet<BackupRun> BackupRuns => Set<BackupRun>();
    public DbSet<FeatureSwitch> FeatureSwitches => Set<FeatureSwitch>();
    public DbSet<Announcement> Announcements => Set<Announcement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Trigram indexes for the console's player search (a trusted extension: the schema's owner may create it).
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(QuizDbContext).Assembly);
    }
}
