-- Read models: wallet history, the projector's checkpoint, and events it could not read.
CREATE TABLE IF NOT EXISTS gx_wallet_transactions
(
    sequence      bigserial PRIMARY KEY,
    user_id       uuid        NOT NULL,
    tx_id         text        NOT NULL,
    block_number  bigint      NOT NULL,
    kind          text        NOT NULL,
    counterparty  text        NULL,
    amount        bigint      NOT NULL,
    fee           bigint      NOT NULL,
    balance_after bigint      NOT NULL,
    remark        text        NULL,
    recorded_at   timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS gx_wallet_transactions_by_user ON gx_wallet_transactions (user_id, sequence DESC);

CREATE TABLE IF NOT EXISTS gx_projector_checkpoint
(
    id           smallint PRIMARY KEY CHECK (id = 1),
    block_number bigint  NOT NULL,
    event_index  integer NOT NULL
);

INSERT INTO gx_projector_checkpoint (id, block_number, event_index) VALUES (1, 0, -1) ON CONFLICT (id) DO NOTHING;

CREATE TABLE IF NOT EXISTS gx_dead_letters
(
    id           bigserial PRIMARY KEY,
    block_number bigint      NOT NULL,
    event_index  integer     NOT NULL,
    tx_id        text        NOT NULL,
    event_name   text        NOT NULL,
    payload      bytea       NOT NULL,
    reason       text        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
