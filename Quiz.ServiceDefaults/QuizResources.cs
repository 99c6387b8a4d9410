namespace Quiz.ServiceDefaults;

/// <summary>Resource names shared by the app model, the services and the tests.</summary>
public static class QuizResources
{
    /// <summary>The database as the services' role: rows only, no schema changes.</summary>
    public const string Database = "quizdb";

    /// <summary>The database as the schema's owner: only the migrator connects so.</summary>
    public const string DatabaseOwner = "quizdbowner";
    public const string Cache = "cache";
    public const string Migrator = "migrator";
    public const string Bot = "bot";
    public const string Worker = "worker";
    public const string Admin = "admin";
    public const string TelegramSandbox = "telegram-sandbox";

    public const string BotTokenParameter = "bot-token";
    public const string DatabaseServicePasswordParameter = "quizdb-password";
    public const string TelegramWebhookSecretParameter = "telegram-webhook-secret";
    public const string AdminApiTokenParameter = "admin-api-token";
    public const string AdminOidcClientSecretParameter = "admin-oidc-client-secret";
    public const string AdminLocalKeyParameter = "admin-local-key";
    public const string AdminDataProtectionKeyParameter = "admin-data-protection-key";
    public const string QuestionSetSecretParameter = "question-set-secret";
}
