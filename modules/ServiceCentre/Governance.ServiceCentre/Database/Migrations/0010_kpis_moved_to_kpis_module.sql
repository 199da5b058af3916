-- Closed months are now frozen by the Kpis module (schema kpis), with every counter and a reason per revision; the
-- rollups stay here as the source of the counters. A month frozen here before is frozen there again on its next read,
-- from the rollups as they stand (revision 1).
drop table service_centre.kpi_snapshots;
drop table service_centre.kpi_closed_months;
