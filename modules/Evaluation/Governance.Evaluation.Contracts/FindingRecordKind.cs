namespace Governance.Evaluation.Contracts;

/// <summary>
/// A kind of record an evaluator may post a finding on, registered by the module that owns it: its module and type
/// (the finding's typed reference), its Chinese name, its table and the column of its region path — so the finding is
/// filed under the record's township and checked against the evaluator's scope — and, for a record of a date (an
/// application's receipt, a case's), that county date as the module's own lists apply the grant's period to it.
/// </summary>
public sealed record FindingRecordKind(
    string Module, string RecordType, string Name, string Table, string RegionColumn, string? PeriodDate = null);
