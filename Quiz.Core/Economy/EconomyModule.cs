using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.Economy.Admin;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Economy.Support;

namespace Quiz.Core.Economy;

public static class EconomyModule
{
    /// <summary>
    /// Shop, payments, refunds, subscriptions, support and reconciliation (scoped: they work in the request's
    /// context and transaction) and the console's economy use-cases (one short-lived context per call).
    /// </summary>
    public static IServiceCollection AddEconomy(this IServiceCollection services)
    {
        services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Shop>().AddScoped<PurchaseConfirmation>().AddScoped<Refunds>().AddScoped<Subscriptions>()
            .AddScoped<SupportDesk>().AddScoped<ReconciliationService>();
        services.AddSingleton<PackageAdministration>().AddSingleton<PurchaseSearch>().AddSingleton<RefundAdministration>()
            .AddSingleton<SupportCaseAdministration>().AddSingleton<ReconciliationAdministration>();
        return services;
    }
}
