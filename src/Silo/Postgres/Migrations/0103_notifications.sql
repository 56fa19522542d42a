-- Users' inboxes, and the position of the last ledger event turned into notifications.
CREATE TABLE IF NOT EXISTS gx_notifications
(
    id         bigserial   PRIMARY KEY,
    user_id    uuid        NOT NULL,
    kind       text        NOT NULL,
    message    text        NOT NULL,
    data       jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    read_at    timestamptz NULL
);

CREATE INDEX IF NOT EXISTS gx_notifications_inbox ON gx_notifications (user_id, id DESC);
CREATE INDEX IF NOT EXISTS gx_notifications_unread ON gx_notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE IF NOT EXISTS gx_notification_checkpoint
(
    id           smallint PRIMARY KEY CHECK (id = 1),
    block_number bigint  NOT NULL,
    event_index  integer NOT NULL
);

INSERT INTO gx_notification_checkpoint (id, block_number, event_index) VALUES (1, 0, -1) ON CONFLICT (id) DO NOTHING;
