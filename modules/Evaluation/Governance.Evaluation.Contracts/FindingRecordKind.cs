namespace Governance.Evaluation.Contracts;

/// <summary>
/// A kind of record an evaluator may post a finding on, registered by the module that owns it: its module and type
/// (the finding's typed reference), its Chinese name, and the module's own query for the record's region path by
/// <c>@id</c> — so the finding is filed under the record's township and checked against the evaluator's scope.
/// </summary>
public sealed record FindingRecordKind(string Module, string RecordType, string Name, string RegionSql);
