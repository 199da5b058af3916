-- Lists walk (county_path, received_at, id) and filter the receiving centre's path. A separate index on origin_path
-- tempted the planner into a bitmap AND for county callers (the two conditions are the same thing for them, which it
-- cannot know), costing 10× on deep pages: measured in the benchmark, so it goes.
drop index service_centre.applications_origin;
