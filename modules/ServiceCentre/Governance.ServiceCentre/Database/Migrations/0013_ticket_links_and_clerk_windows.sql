-- The queue meets the window: an application registered for a called visitor records that ticket, and the window it
-- was registered at (the ticket's window, or the clerk's own) for the receipt's 窗口号. Each clerk's window is
-- remembered per user, so the caller opens at the same window on any PC.
alter table service_centre.applications
    add column ticket_id uuid references service_centre.tickets (id),
    add column window_id uuid references service_centre.windows (id);
create index applications_ticket on service_centre.applications (ticket_id) where ticket_id is not null;

create table service_centre.clerk_windows (
    user_id    uuid primary key,                 -- organization's user id (no cross-schema key)
    window_id  uuid not null references service_centre.windows (id),
    chosen_at  timestamptz not null
);
