-- 指标 (KPIs) of every module on one model. A closed month is frozen per module with its definition version; each
-- figure row is one revision of one region's counters, kept whole (every counter, as jsonb), so an original figure stays
-- readable after a correction. Leaves are the rows a module reports; totals are pre-aggregated at freeze time for every
-- region above or at a leaf (and over every dimension, '*'), so a province-wide read is one row per month.
create table kpis.frozen_months (
    module              text not null,
    month               date not null,      -- first day of the month
    definition_version  text not null,
    frozen_at           timestamptz not null,
    primary key (module, month)
);

create table kpis.figures (
    module              text not null,
    month               date not null,
    region_path         text not null,
    dimension           text not null,      -- the module's split of a region's figures (ServiceCentre: tier); '*' = all
    leaf                boolean not null,   -- reported by the module (true) or a total over the leaves under region_path
    revision            int not null check (revision >= 1),
    latest              boolean not null,
    definition_version  text not null,
    frozen_at           timestamptz not null,
    reason              text,               -- why this revision was made (null for the original, frozen when the month closed)
    counters            jsonb not null,
    primary key (module, month, leaf, region_path, dimension, revision)
);
create unique index figures_latest on kpis.figures (module, leaf, region_path, dimension, month) include (revision) where latest;
create index figures_latest_leaves on kpis.figures (module, month, region_path text_pattern_ops) where latest and leaf;
