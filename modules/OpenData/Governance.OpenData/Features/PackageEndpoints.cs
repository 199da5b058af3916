using Governance.OpenData.Packages;
using Governance.Organization.Contracts;
using Governance.SharedKernel.Http;

namespace Governance.OpenData.Features;

/// <summary>Downloading a county's package for a closed month, and the public key that checks it.</summary>
internal static class PackageEndpoints
{
    public static async Task<IResult> Get(
        Guid countyId, [TextLimit(TextLimits.Code)] string month, IRegionDirectory regions, CurrentUser user,
        PackageBuilder builder,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var first = Months.Parse(month, "month") ?? throw new ValidationException("month", "请指定月份（YYYY-MM）。");
        var today = CountyClock.Today(clock);
        if (first >= new DateOnly(today.Year, today.Month, 1))
            throw new ValidationException("month", "只能下载已结束月份的数据开放包（本月及以后的数据尚未冻结）。");
        var county = await regions.FindAsync(countyId, ct);
        if (county is null || county.Level != RegionLevels.County || !user.Scope.Contains(county.Path))
            throw new NotFoundException();
        // a package holds every module's data of the month: an evaluator needs a grant that opens all of them for
        // a month of its period
        if (user.Grant is { } grant && (!EvaluationModules.All.All(grant.Opens) || !grant.Covers(first)))
            throw new NotFoundException();

        var package = await builder.BuildAsync(
            new OpenDataScope(county.Id, county.Path, county.Code, county.Name, first), ct);
        // the manifest's hash names the content: a script that holds it already gets 304
        if (HttpCaching.NotModified(http, [package.ManifestSha256], 300, shared: false))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.File(package.Zip, "application/zip",
            $"open-data-{county.Code}-{OpenDataValues.Month(first)}.zip");
    }

    public static IResult PublicKey(SigningKey key) => key.Configured
        ? TypedResults.Text(key.PublicPem, "application/x-pem-file")
        : throw SigningKey.Missing();
}
