namespace TigerEmulator;

/// A part of the contract under <c>/projects/{project_id}</c>: what it registers (its kinds of resource, its services)
/// and its routes. Adding a feature is one line in <see cref="EmulatorSetup"/>'s list.
public interface IProjectFeature
{
    void AddTo(IServiceCollection services);

    void MapTo(IEndpointRouteBuilder project);
}
