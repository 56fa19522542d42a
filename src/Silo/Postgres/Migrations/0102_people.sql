-- Rows that do not come from the ledger: the user directory with its status history, and the audit log.
CREATE TABLE IF NOT EXISTS gx_users
(
    user_id       uuid        PRIMARY KEY,
    sequence      bigserial   NOT NULL,
    email         text        NOT NULL,
    first_name    text        NOT NULL,
    last_name     text        NOT NULL,
    nationality   text        NOT NULL,
    status        text        NOT NULL,
    role          text        NOT NULL,
    kyc_status    text        NOT NULL,
    registered_at timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS gx_users_list ON gx_users (sequence DESC);
CREATE INDEX IF NOT EXISTS gx_users_by_status ON gx_users (status, sequence DESC);

CREATE TABLE IF NOT EXISTS gx_user_status_history
(
    id      bigserial   PRIMARY KEY,
    user_id uuid        NOT NULL,
    status  text        NOT NULL,
    at      timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS gx_user_status_history_by_user ON gx_user_status_history (user_id, id);

CREATE TABLE IF NOT EXISTS gx_audit_log
(
    sequence    bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor_id    uuid        NULL,
    actor_role  text        NULL,
    action      text        NOT NULL,
    target      text        NULL,
    request_id  text        NOT NULL,
    status_code integer     NOT NULL,
    outcome     text        NOT NULL
);

CREATE INDEX IF NOT EXISTS gx_audit_log_by_actor ON gx_audit_log (actor_id, sequence DESC);
CREATE INDEX IF NOT EXISTS gx_audit_log_by_action ON gx_audit_log (action, sequence DESC);
CREATE INDEX IF NOT EXISTS gx_audit_log_by_target ON gx_audit_log (target, sequence DESC);

-- Append-only means the database refuses changes too, not only that the code never makes them.
CREATE OR REPLACE FUNCTION gx_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'gx_audit_log is append-only: % refused', TG_OP;
END;
$$;

DROP TRIGGER IF EXISTS gx_audit_log_append_only ON gx_audit_log;
CREATE TRIGGER gx_audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON gx_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION gx_audit_log_append_only();

-- Relationship rows for listing a user's links; the relationship grain stays the truth for one link.
CREATE TABLE IF NOT EXISTS gx_relationships
(
    relationship_id uuid        PRIMARY KEY,
    sequence        bigserial   NOT NULL,
    from_user_id    uuid        NOT NULL,
    to_user_id      uuid        NOT NULL,
    type            text        NOT NULL,
    status          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    confirmed_at    timestamptz NULL,
    rejected_at     timestamptz NULL
);

CREATE INDEX IF NOT EXISTS gx_relationships_from ON gx_relationships (from_user_id, sequence DESC);
CREATE INDEX IF NOT EXISTS gx_relationships_to ON gx_relationships (to_user_id, sequence DESC);
