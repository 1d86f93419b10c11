namespace TigerEmulator.Http;

/// <summary>The contract's <c>Error</c> body: every 4xx answer carries one.</summary>
public sealed record TigerError(string Code, string Message);
