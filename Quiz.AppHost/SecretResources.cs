using Quiz.ServiceDefaults;

namespace Quiz.AppHost;

/// <summary>
/// Secrets are Aspire parameters: set them with <c>dotnet user-secrets</c> on the AppHost or as
/// <c>Parameters__name</c> environment variables; generated ones are persisted in user secrets.
/// </summary>
internal static class SecretResources
{
    /// <summary>The key of the shared question sets (Game:SetSecret), generated once and the same for every service that draws or plays them.</summary>
    public static IResourceBuilder<ParameterResource> AddQuestionSetSecret(this IDistributedApplicationBuilder builder) =>
        builder.AddParameter(QuizResources.QuestionSetSecretParameter, new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);

    public static IResourceBuilder<ProjectResource> WithQuestionSetSecret(this IResourceBuilder<ProjectResource> service, IResourceBuilder<ParameterResource> secret) =>
        service.WithEnvironment("Game__SetSecret", secret);

    public static IResourceBuilder<ProjectResource> WithAdminSecurity(this IResourceBuilder<ProjectResource> admin, IDistributedApplicationBuilder builder)
    {
        var apiToken = builder.AddParameter(
            QuizResources.AdminApiTokenParameter,
            new GenerateParameterDefault { MinLength = 48, Special = false },
            secret: true,
            persist: true);
        admin.WithEnvironment("Admin__Api__Token", apiToken);
        var keyRingKey = builder.AddParameter(
            QuizResources.AdminDataProtectionKeyParameter,
            new GenerateParameterDefault { MinLength = 48, Special = false },
            secret: true,
            persist: true);
        admin.WithEnvironment("Admin__DataProtection__Key", keyRingKey);

        var authority = builder.Configuration["Admin:Oidc:Authority"];
        if (!string.IsNullOrWhiteSpace(authority))
        {
            var clientSecret = builder.AddParameter(QuizResources.AdminOidcClientSecretParameter, secret: true);
            return admin
                .WithEnvironment("Admin__Auth__Mode", "Oidc")
                .WithEnvironment("Admin__Auth__Authority", authority)
                .WithEnvironment("Admin__Auth__ClientId", builder.Configuration["Admin:Oidc:ClientId"] ?? "quiz-admin")
                .WithEnvironment("Admin__Auth__ClientSecret", clientSecret);
        }

        // No identity provider configured: local runs get a generated access key (shown in the
        // dashboard's parameters) that works only in Development and only from loopback.
        var localKey = builder.AddParameter(
            QuizResources.AdminLocalKeyParameter,
            new GenerateParameterDefault { MinLength = 24, Special = false },
            secret: true,
            persist: true);
        return admin
            .WithEnvironment("Admin__Auth__Mode", "LocalKey")
            .WithEnvironment("Admin__Auth__LocalKey", localKey);
    }
}
