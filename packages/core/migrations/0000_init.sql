-- Baseline. Each capability adds its own numbered file after this one.
create table if not exists app_meta (
  key text primary key,
  value text not null
);
