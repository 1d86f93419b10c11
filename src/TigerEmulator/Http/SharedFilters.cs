namespace TigerEmulator.Http;

public static class SharedFilters
{
    /// Puts one filter instance on every endpoint of the group, made from the application's services when the endpoint
    /// is built. The filters here hold only singletons. AddEndpointFilter&lt;T&gt; makes one per request instead, through
    /// a factory whose set-up throws and catches an exception and compiles an expression tree, which every start paid.
    public static RouteGroupBuilder AddSharedFilter<TFilter>(this RouteGroupBuilder group)
        where TFilter : IEndpointFilter =>
        group.AddEndpointFilterFactory((context, next) =>
        {
            var filter = ActivatorUtilities.CreateInstance<TFilter>(context.ApplicationServices);
            return invocation => filter.InvokeAsync(invocation, next);
        });
}
