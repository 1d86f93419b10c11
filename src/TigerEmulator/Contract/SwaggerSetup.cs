using TigerEmulator.Admin;

namespace TigerEmulator.Contract;

/// Swagger UI at /swagger with two documents: the Tiger contract (from openapi.yml) and the emulator's control API.
public static class SwaggerSetup
{
    private const string SwaggerPrefix = "/swagger";

    public static IServiceCollection AddSwaggerDocuments(this IServiceCollection services)
    {
        services.AddSingleton<ContractDocument>();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(AdminRoutes.DocumentName, new() { Title = "Tiger Emulator control API", Version = "v1" });
            options.DocInclusionPredicate((document, api) => api.GroupName == document);
        });
        return services;
    }

    public static WebApplication UseSwaggerDocuments(this WebApplication app)
    {
        app.MapGet(ContractDocument.Path, (ContractDocument contract) => Results.Text(contract.Served, "application/yaml"))
            .ExcludeFromDescription();
        // Swashbuckle's middleware builds its document generator for every request it sees, its own or not, and building
        // it loads three assemblies: the branch is built by the first request under /swagger, so that no start pays for it.
        app.Use(next =>
        {
            var swagger = new Lazy<RequestDelegate>(() => SwaggerBranch(app, next));
            return context => context.Request.Path.StartsWithSegments(SwaggerPrefix) ? swagger.Value(context) : next(context);
        });
        return app;
    }

    private static RequestDelegate SwaggerBranch(IApplicationBuilder app, RequestDelegate next)
    {
        var branch = app.New();
        branch.UseSwagger();
        branch.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "swagger";
            options.SwaggerEndpoint(ContractDocument.Path, "Tiger Cloud API (contract)");
            options.SwaggerEndpoint($"{SwaggerPrefix}/{AdminRoutes.DocumentName}/swagger.json", "Tiger Emulator control API");
        });
        branch.Run(next);
        return branch.Build();
    }
}
