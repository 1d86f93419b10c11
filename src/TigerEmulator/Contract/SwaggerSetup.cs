using TigerEmulator.Admin;

namespace TigerEmulator.Contract;

/// Swagger UI at /swagger with two documents: the Tiger contract (from openapi.yml) and the emulator's control API.
public static class SwaggerSetup
{
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
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "swagger";
            options.SwaggerEndpoint(ContractDocument.Path, "Tiger Cloud API (contract)");
            options.SwaggerEndpoint($"/swagger/{AdminRoutes.DocumentName}/swagger.json", "Tiger Emulator control API");
        });
        return app;
    }
}
