namespace Governance.IntegrationTests;

/// <summary>The reset every test starts from (Respawn): module data gone, journals and reference data kept.</summary>
public class DatabaseResetTests : IntegrationTest
{
    [Test]
    public async Task A_reset_empties_module_tables_but_keeps_journals_reference_data_and_the_calendar()
    {
        using (await App.LoginAsync("bianban")) { } // writes sessions and an audit row
        Assert.That(await Scalar<long>("select count(*) from audit.entries"), Is.Positive);

        await ResetDatabaseAsync(App);

        Assert.That(await Scalar<long>("select count(*) from organization.users"), Is.Zero);
        Assert.That(await Scalar<long>("select count(*) from audit.entries"), Is.Zero);
        Assert.That(await Scalar<long>("select count(*) from organization.schema_migrations"), Is.Positive);
        Assert.That(await Scalar<long>("select count(*) from audit.schema_migrations"), Is.Positive);
        Assert.That(await Scalar<long>("select count(*) from power_lists.domains"), Is.Positive, "reference data");
        Assert.That(await Scalar<long>("select count(*) from calendar.days"), Is.Positive,
            "the official calendar reseeded");

        await App.GenerateDemoAsync();
        using (await App.LoginAsync("bianban")) { }
        Assert.That(await Scalar<long>("select min(seq) from audit.entries"), Is.EqualTo(1),
            "the chain starts again at 1");
    }
}
