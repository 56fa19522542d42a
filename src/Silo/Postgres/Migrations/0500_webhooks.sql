-- Webhook deliveries: one row per event and endpoint, rewritten after each attempt (the attempts travel in row_data,
-- the Orleans-serialized WebhookDelivery). sequence orders the pages; endpoints themselves are a grain's state.
CREATE TABLE IF NOT EXISTS gx_webhook_deliveries
(
    delivery_id uuid        PRIMARY KEY,
    sequence    bigserial   NOT NULL,
    endpoint_id uuid        NOT NULL,
    status      text        NOT NULL,
    created_at  timestamptz NOT NULL,
    row_data    bytea       NOT NULL
);

CREATE INDEX IF NOT EXISTS gx_webhook_deliveries_by_endpoint ON gx_webhook_deliveries (endpoint_id, sequence DESC);
CREATE INDEX IF NOT EXISTS gx_webhook_deliveries_pending ON gx_webhook_deliveries (endpoint_id, sequence) WHERE status = 'PENDING';
