using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Quiz.ServiceDefaults;

namespace Quiz.DeploymentTests;

/// <summary>The services read secrets from files (compose secrets under /run/secrets) named like the setting.</summary>
public sealed class SecretFilesTests
{
    [Fact]
    public void Each_file_in_the_secrets_directory_is_the_setting_of_its_name_and_wins_over_the_environment()
    {
        var directory = Directory.CreateTempSubdirectory("quiz-secrets-").FullName;
        File.WriteAllText(Path.Combine(directory, "Telegram__BotToken"), "123456:from-file");
        File.WriteAllText(Path.Combine(directory, "ConnectionStrings__quizdb"), "Host=postgres;Password=from-file\n");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Extensions.SecretsDirectoryVariable] = directory,
            ["Telegram:BotToken"] = "123456:from-environment",
        });
        builder.AddSecretFiles();

        Assert.Equal("123456:from-file", builder.Configuration["Telegram:BotToken"]);
        Assert.Equal("Host=postgres;Password=from-file", builder.Configuration.GetConnectionString("quizdb")?.TrimEnd());
    }

    [Fact]
    public void A_configured_secrets_directory_that_is_missing_stops_the_service()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [Extensions.SecretsDirectoryVariable] = "/nonexistent/quiz-secrets" });
        Assert.ThrowsAny<Exception>(() => builder.AddSecretFiles());
    }
}
