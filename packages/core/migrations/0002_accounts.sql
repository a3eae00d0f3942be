-- Accounts, sessions, organizations and memberships, security audit log,
-- certificate sign-in, and the dev mailbox. See ARCHITECTURE.md "Accounts".

create table users (
  id uuid primary key default gen_random_uuid(),
  -- lower-cased
  email text not null unique,
  -- +7XXXXXXXXXX
  phone text not null unique,
  full_name text not null default '',
  -- argon2id, PHC string
  password_hash text not null,
  email_confirmed_at timestamptz,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Server-side sessions; the cookie holds a random token, the row only its SHA-256.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  token_hash text not null unique,
  method text not null check (method in ('password', 'certificate', 'invitation')),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);

-- Single-use links sent by e-mail (only the SHA-256 of the token is stored).
create table auth_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('confirm_email', 'reset_password', 'change_email')),
  token_hash text not null unique,
  new_email text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index auth_tokens_user_idx on auth_tokens (user_id, purpose);

-- 6-digit SMS recovery codes: hashed, limited attempts and lifetime.
create table recovery_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index recovery_codes_user_idx on recovery_codes (user_id, created_at desc);

create table security_events (
  id bigserial primary key,
  user_id uuid references users (id) on delete set null,
  type text not null,
  at timestamptz not null default now(),
  ip text,
  user_agent text,
  details jsonb not null default '{}'
);
create index security_events_user_idx on security_events (user_id, at desc);

create table certificate_challenges (
  id uuid primary key default gen_random_uuid(),
  challenge text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

-- A certificate explicitly bound to a user (takes precedence over the INN mapping).
create table user_certificates (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  fingerprint_sha256 text not null unique,
  subject text not null,
  created_at timestamptz not null default now()
);

create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  inn text not null unique,
  kpp text,
  ogrn text,
  director_name text not null default '',
  legal_address text not null default '',
  actual_address text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organizations_ogrn_idx on organizations (ogrn);

create table memberships (
  organization_id uuid not null references organizations (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('owner', 'administrator', 'accountant', 'cashier_viewer')),
  created_at timestamptz not null default now(),
  primary key (organization_id, user_id)
);
create index memberships_user_idx on memberships (user_id);

create table invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id) on delete cascade,
  email text not null,
  role text not null check (role in ('owner', 'administrator', 'accountant', 'cashier_viewer')),
  token_hash text not null unique,
  invited_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users (id) on delete set null
);
create index invitations_org_idx on invitations (organization_id);

-- Letters received by the in-process SMTP sink, and SMS, when no real
-- transport is configured (demo and tests).
create table dev_mailbox (
  id bigserial primary key,
  kind text not null check (kind in ('email', 'sms')),
  recipient text not null,
  subject text,
  body_text text not null,
  body_html text,
  received_at timestamptz not null default now()
);
