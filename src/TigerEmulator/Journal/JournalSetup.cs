using TigerEmulator.Admin;

namespace TigerEmulator.Journal;

public static class JournalSetup
{
    public static IServiceCollection AddRequestJournal(this IServiceCollection services)
    {
        services.AddSingleton<RequestJournal>();
        services.AddSingleton<IResetParticipant>(provider => provider.GetRequiredService<RequestJournal>());
        services.AddHostedService<ConnectionFaultJournal>();
        return services;
    }

    /// Journals the contract API only: the control API is how the journal is read, not what it is about.
    public static IApplicationBuilder UseRequestJournal(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(EmulatorSetup.ApiPrefix),
            branch => branch.UseMiddleware<JournalMiddleware>());
}
