using System.Text.Json;
using System.Text.Json.Serialization;
using TigerEmulator.Admin;
using TigerEmulator.Analytics;
using TigerEmulator.Auth;
using TigerEmulator.Contract;
using TigerEmulator.Databases;
using TigerEmulator.Endpoints;
using TigerEmulator.Faults;
using TigerEmulator.Http;
using TigerEmulator.Journal;
using TigerEmulator.Lifecycle;
using TigerEmulator.Logs;
using TigerEmulator.Metrics;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Scenarios;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using TigerEmulator.Vpcs;

namespace TigerEmulator;

/// Wires the features together; each feature keeps its own routes and logic.
public static class EmulatorSetup
{
    public const string ApiPrefix = "/public/api/v1";

    /// The parts of the contract under a project, each with its kinds of resource and routes: one line a feature.
    private static readonly IProjectFeature[] ProjectFeatures = [new ServiceFeature(), new ReplicaSetFeature(), new VpcFeature()];

    public static IServiceCollection AddEmulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => EmulatorOptions.From(configuration));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<EmulatorClock>();
        services.AddSingleton<IdGenerator>();
        services.AddSingleton<LifecycleTimings>();
        services.AddLifecycle();
        services.AddDatabases(configuration);
        services.AddEndpoints();
        foreach (var feature in ProjectFeatures)
        {
            feature.AddTo(services);
        }

        services.AddAuth();
        services.AddSingleton<EmulatorReset>();
        services.AddFaults();
        services.AddRequestJournal();
        services.AddScenarios();
        // Hosted services start in this order, and all of them before the server.
        services.AddSingleton<EmulatorStart>();
        services.AddHostedService(provider => provider.GetRequiredService<EmulatorStart>());
        services.AddHostedService(provider => provider.GetRequiredService<LifecycleWorker>());
        services.AddDatabaseWatch();
        services.AddStorage();
        services.AddLogs();
        services.AddServiceMetrics();
        services.AddSwaggerDocuments();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // The default encoder, as the generated serializers assume: ASP.NET's relaxed one would cost them their fast path.
            options.SerializerOptions.Encoder = null;
            ContractJson.Use(options.SerializerOptions);
        });
        return services;
    }

    public static WebApplication UseEmulator(this WebApplication app)
    {
        app.Services.GetRequiredService<EmulatorStart>().Begin();
        StartupBanner.Announce(app);
        app.UseRequestJournal();
        app.UseTigerErrors();
        app.UseSwaggerDocuments();
        app.MapAdmin();
        app.MapRoot();

        // Faults come before authentication: a failing gateway fails every caller alike.
        var api = app.MapGroup(ApiPrefix).AddSharedFilter<FaultFilter>().AddSharedFilter<ApiKeyFilter>()
            .AddSharedFilter<DurableAnswerFilter>().ExcludeFromDescription();
        api.MapAuth();
        api.MapAnalytics();
        var project = api.MapGroup("/projects/{project_id}");
        foreach (var feature in ProjectFeatures)
        {
            feature.MapTo(project);
        }

        return app;
    }
}
