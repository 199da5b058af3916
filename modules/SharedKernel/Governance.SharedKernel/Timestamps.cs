namespace Governance.SharedKernel;

/// <summary>Npgsql reads a <c>timestamptz</c> as a UTC <see cref="DateTime"/>; answers carry it as an offset.</summary>
public static class Timestamps
{
    public static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
