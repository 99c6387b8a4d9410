using System.Text.Json;
using System.Text.Json.Serialization;
using Quiz.Admin.Api;
using Quiz.Admin.Auth;
using Quiz.Admin.Hosting;
using Quiz.Admin.Operations;
using Quiz.Core.Features;
using Quiz.ServiceDefaults.Redaction;

namespace Quiz.Admin;

public static class AdminServiceExtensions
{
    public static IHostApplicationBuilder AddAdminServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminApiOptions>().BindConfiguration(AdminApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddKnownProxies();
        var mode = builder.Configuration.GetSection(AdminAuthOptions.Section).GetValue(nameof(AdminAuthOptions.Mode), AdminAuthMode.Oidc);
        builder.Services.AddSharedDataProtection(mode);
        builder.Services.AddProblemDetails();
        // A switch changed here is signalled to the bots over the shared Redis.
        builder.Services.AddFeatureSignalOverRedis();
        // The admin API names enum values (e.g. "entryFee": "ticket") instead of numbering them.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.AddAdminAuthentication();
        builder.Services.AddOptions<MachineryOptions>().BindConfiguration(MachineryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(ServiceReadiness.Client);
        builder.Services.AddSingleton<ServiceReadiness>().AddSingleton<SendBudgetReader>().AddSingleton(TelemetrySecrets.From(builder.Configuration));

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddGermanMudServices();
        return builder;
    }

    /// <summary>Middleware order matters: the real client address first, then identity, then limits and forms.</summary>
    public static WebApplication UseAdminPipeline(this WebApplication app)
    {
        app.UseKnownProxies();
        app.UseGermanCulture();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }
}
