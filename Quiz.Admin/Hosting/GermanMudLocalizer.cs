using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using Quiz.Admin.Texts;

namespace Quiz.Admin.Hosting;

/// <summary>
/// MudBlazor's own texts ("Required", aria labels of pager, pickers and dialogs, file upload) in German from
/// <see cref="AdminTexts.Components"/>. A key without a German text falls back to MudBlazor's English, which
/// <c>GermanComponentTests</c> keeps from happening by checking every key MudBlazor ships.
/// </summary>
public sealed class GermanMudLocalizer : MudLocalizer
{
    public override LocalizedString this[string key] =>
        AdminTexts.Components.ByKey.TryGetValue(key, out var text) ? new(key, text) : new(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] =>
        AdminTexts.Components.ByKey.TryGetValue(key, out var text)
            ? new(key, string.Format(AdminFormat.German, text, arguments))
            : new(key, key, resourceNotFound: true);
}

public static class GermanConsole
{
    public static readonly CultureInfo Culture = AdminFormat.German;

    /// <summary>
    /// MudBlazor with German texts whatever the browser asks for: the console speaks German only, so MudBlazor's
    /// English is never preferred, not even for an English browser.
    /// </summary>
    public static IServiceCollection AddGermanMudServices(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddTransient<MudLocalizer, GermanMudLocalizer>();
        services.AddLocalizationInterceptor(sp => new DefaultLocalizationInterceptor(sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<MudLocalizer>())
        {
            IgnoreDefaultEnglish = true,
        });
        return services;
    }

    /// <summary>Every request and the circuit it opens run in de-DE: dates, numbers, the pickers' month and day names.</summary>
    public static IApplicationBuilder UseGermanCulture(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture(Culture), SupportedCultures = [Culture], SupportedUICultures = [Culture] };
        options.RequestCultureProviders.Clear();
        return app.UseRequestLocalization(options);
    }
}
