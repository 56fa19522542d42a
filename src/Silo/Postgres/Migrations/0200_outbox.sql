-- The outbox: one row per accepted command, written once at acceptance and once per change after it; the row of a
-- finished command is its status record until it is purged. row_data is the Orleans-serialized OutboxRow.
CREATE TABLE IF NOT EXISTS gx_outbox
(
    command_id   uuid        PRIMARY KEY,
    shard        integer     NOT NULL,
    origin       text        NOT NULL,
    finished     boolean     NOT NULL DEFAULT false,
    accepted_at  timestamptz NOT NULL,
    completed_at timestamptz NULL,
    row_data     bytea       NOT NULL
);

CREATE INDEX IF NOT EXISTS gx_outbox_unfinished_by_shard ON gx_outbox (shard, accepted_at) WHERE NOT finished;
CREATE INDEX IF NOT EXISTS gx_outbox_unfinished_by_origin ON gx_outbox (origin, accepted_at) WHERE NOT finished;
CREATE INDEX IF NOT EXISTS gx_outbox_finished_by_age ON gx_outbox (completed_at) WHERE finished;
