using Microsoft.OpenApi;

namespace TigerEmulator.Tests.Contract;

/// The newer revision gives a referenced schema its own description by wrapping it: `allOf: [$ref]` and no type.
/// The generators read through such a wrapper to the one schema inside it.
public static class SchemaParts
{
    public static IOpenApiSchema Unwrapped(IOpenApiSchema schema) =>
        schema.Type is null && schema.AllOf is [var only] ? Unwrapped(only) : schema;
}
