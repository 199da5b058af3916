using System.Text.Json;

namespace Governance.ServiceCentre.Features;

/// <summary>
/// One of the guide's materials as the clerk ticked it at registration. <c>Status</c>: received or missing;
/// <c>ReceivedForm</c>: original (原件) or copy (复印件), for a received one.
/// </summary>
public sealed record MaterialCheck([TextLimit(TextLimits.Name)] string? Name,
    [TextLimit(TextLimits.Code)] string? Status, [TextLimit(TextLimits.Code)] string? ReceivedForm);

/// <summary>
/// A line of an application's 收件清单: the guide's material (name, form, copies, required, as of the item version)
/// and its status — received, missing, or requested (asked for in a 补正, received again on resume).
/// </summary>
public sealed record ApplicationMaterialResponse(string Name, string Form, int Copies, bool Required, string Status,
    string? ReceivedForm);

/// <summary>
/// The materials checklist of an application (migration 0014): stored at registration from the item version's
/// materials, each one missing unless the clerk ticked it received; 补正 marks the ticked missing ones requested,
/// 补齐 (resume) marks them received. Registering with a required material missing is allowed: the clerk then
/// prints the 一次性告知书, or accepts and suspends for 补正.
/// </summary>
internal static class ApplicationMaterials
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The shape of the ticks (unknown names are checked against the guide when it is read).</summary>
    internal static Validator CheckShape(this Validator v, IReadOnlyList<MaterialCheck>? checks)
    {
        foreach (var (m, i) in (checks ?? []).Select((m, i) => (m ?? new MaterialCheck(null, null, null), i)))
            v.Required(m.Name, $"materials[{i}].name", "材料名称")
             .Check(m.Status is "received" or "missing", $"materials[{i}].status",
                 "材料状态只能是已收（received）或缺少（missing）。")
             .Check(m.Status != "received" || m.ReceivedForm is "original" or "copy", $"materials[{i}].receivedForm",
                 "已收材料须注明原件（original）或复印件（copy）。");
        return v;
    }

    /// <summary>Stores the checklist: every material of the guide, as ticked (missing when not ticked).</summary>
    internal static async Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid id, string guideJson,
        IReadOnlyList<MaterialCheck>? checks, CancellationToken ct)
    {
        var guide = JsonSerializer.Deserialize<List<Material>>(guideJson, Json) ?? [];
        var ticks = checks ?? [];
        var unknown = new Validator();
        foreach (var (m, i) in ticks.Select((m, i) => (m, i)))
            unknown.Check(guide.Any(g => g.Name == m.Name!.Trim()), $"materials[{i}].name",
                $"“{m.Name}”不是该事项办事指南列出的材料。");
        unknown.ThrowIfInvalid();
        var rows = guide.Select((g, position) =>
        {
            var tick = ticks.LastOrDefault(t => t.Name!.Trim() == g.Name);
            var received = tick?.Status == "received";
            return new
            {
                id, position, g.Name, g.Form, g.Copies, g.Required, status = received ? "received" : "missing",
                receivedForm = received ? tick!.ReceivedForm : null,
            };
        });
        await c.ExecuteAsync(new CommandDefinition("""
            insert into service_centre.application_materials (application_id, position, name, form, copies, required,
                status, received_form)
            values (@id, @position, @name, @form, @copies, @required, @status, @receivedForm)
            """, rows, tx, cancellationToken: ct));
    }

    internal static async Task<IReadOnlyList<ApplicationMaterialResponse>> ReadAsync(NpgsqlConnection c,
        NpgsqlTransaction? tx, Guid id, CancellationToken ct) =>
        (await c.QueryAsync<ApplicationMaterialResponse>(new CommandDefinition("""
            select name, form, copies, required, status, received_form from service_centre.application_materials
            where application_id = @id order by position
            """, new { id }, tx, cancellationToken: ct))).ToList();

    /// <summary>补正: the ticked materials, each one of the checklist's missing ones, become requested.</summary>
    internal static async Task RequestAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid id,
        IReadOnlyList<string> names, IReadOnlyList<ApplicationMaterialResponse> checklist, CancellationToken ct)
    {
        var v = new Validator();
        foreach (var (name, i) in names.Select((n, i) => ((n ?? "").Trim(), i)))
            v.Check(checklist.Any(m => m.Name == name && m.Status != "received"), $"missingMaterials[{i}]",
                $"“{name}”不是本办件收件清单中缺少的材料。");
        v.ThrowIfInvalid();
        await c.ExecuteAsync(new CommandDefinition("""
            update service_centre.application_materials set status = 'requested'
            where application_id = @id and name = any(@names)
            """, new { id, names = names.Select(n => n.Trim()).ToArray() }, tx, cancellationToken: ct));
    }

    /// <summary>
    /// 补齐: the requested materials are received, in the form the guide asks for (原件 when it asks for both).
    /// </summary>
    internal static Task ReceiveRequestedAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid id,
        CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition("""
            update service_centre.application_materials
            set status = 'received', received_form = case form when 'copy' then 'copy' else 'original' end
            where application_id = @id and status = 'requested'
            """, new { id }, tx, cancellationToken: ct));
}
