using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Economy.Support;

namespace Quiz.Core.Economy.Admin;

public static class EconomyAdministrationExtensions
{
    /// <summary>The console's shop, purchase, support and reconciliation use-cases; each opens its own short-lived context per call.</summary>
    public static IServiceCollection AddEconomyAdministration(this IServiceCollection services) =>
        services.AddSingleton<PackageAdministration>().AddSingleton<PurchaseSearch>()
            .AddSingleton<SupportCaseAdministration>().AddSingleton<ReconciliationAdministration>();
}
