using Microsoft.AspNetCore.Http.HttpResults;

namespace TigerEmulator.Admin;

/// GET / on the emulator's address: where to go from here, for a person who opens it in a browser or with curl.
public static class RootRoute
{
    private const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Tiger Emulator</title></head>
        <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
        <h1>Tiger Emulator</h1>
        <p>The Tiger Cloud REST API, offline. Point a client at <code>/public/api/v1</code>.</p>
        <ul>
        <li><a href="/_emulator/ui">Dashboard</a>: projects, services, the request journal, faults and the clock</li>
        <li><a href="/swagger">Swagger UI</a>: the contract and the control API</li>
        <li><a href="/_emulator/health">Health</a></li>
        </ul>
        </body></html>
        """;

    public static IEndpointRouteBuilder MapRoot(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Root).ExcludeFromDescription();
        return app;
    }

    private static ContentHttpResult Root() => TypedResults.Content(Page, "text/html; charset=utf-8");
}
