namespace LifecycleBench;

internal static class Percentiles
{
    public static string Describe(IReadOnlyCollection<double> values, string unit)
    {
        if (values.Count == 0)
        {
            return "no samples";
        }

        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return $"n={sorted.Length} p50={At(0.50):F2}{unit} p99={At(0.99):F2}{unit} max={sorted[^1]:F2}{unit}";
    }
}
