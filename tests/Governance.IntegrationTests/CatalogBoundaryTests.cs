namespace Governance.IntegrationTests;

/// <summary>Module boundaries as the database sees them: no foreign key crosses from one module's schema to another's.</summary>
public class CatalogBoundaryTests : IntegrationTest
{
    [Test]
    public async Task No_foreign_key_crosses_module_schemas()
    {
        await using var c = await App.Db.OpenConnectionAsync();
        var crossing = (await c.QueryAsync<string>("""
            select format('%s.%s → %s', src.nspname, con.conname, dst.nspname)
            from pg_constraint con
            join pg_class sc on sc.oid = con.conrelid join pg_namespace src on src.oid = sc.relnamespace
            join pg_class dc on dc.oid = con.confrelid join pg_namespace dst on dst.oid = dc.relnamespace
            where con.contype = 'f' and src.nspname <> dst.nspname
            """)).ToList();
        Assert.That(crossing, Is.Empty);
        // the query does see foreign keys (so an empty answer means something)
        Assert.That(await c.ExecuteScalarAsync<long>("select count(*) from pg_constraint where contype = 'f' and connamespace = 'organization'::regnamespace"), Is.GreaterThan(0));
    }
}
