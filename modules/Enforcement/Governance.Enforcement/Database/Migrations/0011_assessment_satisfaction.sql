-- 执法满意度 may be a computed indicator of the two-way assessment (a rate from the satisfaction surveys).
alter table enforcement.assessment_indicators drop constraint assessment_indicators_source_check;
alter table enforcement.assessment_indicators add constraint assessment_indicators_source_check check (source in (
    'manual', 'computed:EN_CASES', 'computed:EN_CLOSURE', 'computed:EN_AVG_DAYS', 'computed:EN_OVERDUE',
    'computed:EN_DISCLOSURE_ONTIME', 'computed:EN_SATISFACTION'));
