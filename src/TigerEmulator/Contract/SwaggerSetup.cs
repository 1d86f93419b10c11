using System.Text;
using TigerEmulator.Admin;

namespace TigerEmulator.Contract;

/// Swagger UI at /swagger with three documents: both revisions of the Tiger contract and the emulator's control API.
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
        foreach (var revision in ContractRevision.All)
        {
            app.MapGet(revision.ServedPath, (ContractDocument contract) => Results.Text(contract.Served(revision), "application/yaml"))
                .ExcludeFromDescription();
        }

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
            // The older revision first: it is the project's openapi.yml, and the one Swagger UI opens on.
            foreach (var revision in ContractRevision.All)
            {
                options.SwaggerEndpoint(revision.ServedPath, revision.Title);
            }

            options.SwaggerEndpoint($"{SwaggerPrefix}/{AdminRoutes.DocumentName}/swagger.json", "Tiger Emulator control API");
            if (DefaultKeyInterceptor(app.ApplicationServices.GetRequiredService<EmulatorOptions>()) is { } interceptor)
            {
                options.UseRequestInterceptor(interceptor);
            }
        });
        branch.Run(next);
        return branch.Build();
    }

    /// "Try it out" works out of the box: a contract call that carries no Authorization of its own gets the seeded key
    /// pair. Only while that pair is the documented default one: a key set by the user is a secret, never put in a page.
    private static string? DefaultKeyInterceptor(EmulatorOptions options)
    {
        if (options.PublicKey != EmulatorOptions.DefaultPublicKey || options.SecretKey != EmulatorOptions.DefaultSecretKey)
        {
            return null;
        }

        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.PublicKey}:{options.SecretKey}"));
        return "(request) => { if (request.url.includes('/public/api/v1/') && !request.headers.Authorization) "
            + $"{{ request.headers.Authorization = 'Basic {basic}'; }} return request; }}";
    }
}
