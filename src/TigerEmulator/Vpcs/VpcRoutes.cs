namespace TigerEmulator.Vpcs;

public static class VpcRoutes
{
    public static IEndpointRouteBuilder MapVpcs(this IEndpointRouteBuilder project)
    {
        project.MapGet("/vpcs", VpcHandlers.List).WithName("getVPCs");
        project.MapPost("/vpcs", VpcHandlers.Create).WithName("createVPC");
        project.MapGet("/vpcs/{vpc_id}", VpcHandlers.Get).WithName("getVPC");
        project.MapDelete("/vpcs/{vpc_id}", VpcHandlers.Delete).WithName("deleteVPC");
        project.MapPost("/vpcs/{vpc_id}/rename", VpcHandlers.Rename).WithName("renameVPC");
        project.MapGet("/vpcs/{vpc_id}/peerings", PeeringHandlers.List).WithName("getVPCPeerings");
        project.MapPost("/vpcs/{vpc_id}/peerings", PeeringHandlers.Create).WithName("createVPCPeering");
        project.MapGet("/vpcs/{vpc_id}/peerings/{peering_id}", PeeringHandlers.Get).WithName("getVPCPeering");
        project.MapDelete("/vpcs/{vpc_id}/peerings/{peering_id}", PeeringHandlers.Delete).WithName("deleteVPCPeering");
        return project;
    }
}
