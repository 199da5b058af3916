namespace Governance.IntegrationTests;

/// <summary>
/// Module boundaries as the database sees them, for every module registered in Startup.Migrations: each schema
/// belongs to a registered module, and nothing in one module's schema depends on, or names, another module's schema.
/// (The source side is ModuleBoundaryTests; these catch what SQL built at run time or a migration would create.)
/// </summary>
public class CatalogBoundaryTests : IntegrationTest
{
    private static string[] Schemas => Governance.Api.Startup.Migrations.Select(m => m.Schema).ToArray();

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
        Assert.That(await c.ExecuteScalarAsync<long>("""
            select count(*) from pg_constraint where contype = 'f' and connamespace = 'organization'::regnamespace
            """), Is.GreaterThan(0));
    }

    [Test]
    public async Task Every_schema_belongs_to_a_registered_module_and_public_holds_no_tables()
    {
        await using var c = await App.Db.OpenConnectionAsync();
        var present = (await c.QueryAsync<string>("""
            select nspname from pg_namespace
            where nspname not in ('pg_catalog', 'information_schema', 'public')
                and nspname !~ '^pg_(toast|temp_|toast_temp_)'
            """)).ToList();
        var inPublic = (await c.QueryAsync<string>("""
            select format('public.%s (%s)', relname, relkind) from pg_class where relnamespace = 'public'::regnamespace
            """)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(present, Is.EquivalentTo(Schemas),
                "a schema no module registers in Startup.Migrations, or a registered one missing");
            Assert.That(inPublic, Is.Empty,
                "a module's tables, views and sequences live in its own schema, not in public");
        });
    }

    [Test]
    public async Task No_database_object_depends_on_another_modules_schema()
    {
        // pg_depend records what views, defaults, triggers, constraints, column types and function signatures use
        await using var c = await App.Db.OpenConnectionAsync();
        var crossing = (await c.QueryAsync<Dependency>("""
            with obj(cls, oid, nsp, name) as (
                select 'pg_class'::regclass, oid, relnamespace, relname::text from pg_class
                union all select 'pg_proc'::regclass, oid, pronamespace, proname || '()' from pg_proc
                union all select 'pg_type'::regclass, oid, typnamespace, typname::text from pg_type
                union all select 'pg_constraint'::regclass, oid, connamespace, conname::text from pg_constraint
                union all select 'pg_rewrite'::regclass, r.oid, k.relnamespace, 'view ' || k.relname
                          from pg_rewrite r join pg_class k on k.oid = r.ev_class
                union all select 'pg_attrdef'::regclass, a.oid, k.relnamespace, 'default of ' || k.relname
                          from pg_attrdef a join pg_class k on k.oid = a.adrelid
                union all select 'pg_trigger'::regclass, t.oid, k.relnamespace, t.tgname || ' on ' || k.relname
                          from pg_trigger t join pg_class k on k.oid = t.tgrelid)
            select distinct sn.nspname as "From", rn.nspname as "To", format('%s.%s → %s.%s', sn.nspname, s.name,
                rn.nspname, r.name) as "Text"
            from pg_depend d
            join obj s on s.cls = d.classid and s.oid = d.objid
            join obj r on r.cls = d.refclassid and r.oid = d.refobjid
            join pg_namespace sn on sn.oid = s.nsp join pg_namespace rn on rn.oid = r.nsp
            where sn.nspname = any(@schemas) and rn.nspname = any(@schemas)
            order by 3
            """, new { schemas = Schemas })).ToList();
        Assert.That(crossing.Where(d => d.From != d.To).Select(d => d.Text), Is.Empty);
        // the query does see dependencies within a schema (so an empty answer means something)
        Assert.That(crossing.Count(d => d.From == d.To && d.Text.Contains(" on ", StringComparison.Ordinal)),
            Is.GreaterThan(0), "no trigger → function dependency seen in any module schema");
    }

    private sealed record Dependency(string From, string To, string Text);

    [Test]
    public async Task No_function_body_names_another_modules_schema()
    {
        // function bodies (PL/pgSQL, SQL) are not in pg_depend: read their text, in any case and quoting
        await using var c = await App.Db.OpenConnectionAsync();
        var naming = (await c.QueryAsync<string>("""
            select format('%s.%s() names schema %s', n.nspname, p.proname, s.schema)
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            cross join unnest(@schemas) s(schema)
            where n.nspname = any(@schemas) and s.schema <> n.nspname
              and p.prosrc ~* ('(^|[^[:alnum:]_."$])"?' || s.schema || '"?\.')
            order by 1
            """, new { schemas = Schemas })).ToList();
        Assert.That(naming, Is.Empty);
        Assert.That(await c.ExecuteScalarAsync<long>("""
            select count(*) from pg_proc p where p.pronamespace = 'audit'::regnamespace and p.prosrc ~* 'audit\.'
            """), Is.GreaterThan(0), "the audit chain trigger names its own schema: the pattern must see that");
    }
}
