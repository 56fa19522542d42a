-- Read-model documents (loans, proposals, organizations, multi-signature transactions, treasuries) and counters.
CREATE TABLE IF NOT EXISTS gx_read_model_documents
(
    collection    text   NOT NULL,
    id            text   NOT NULL,
    partition_key text   NULL,
    status        text   NULL,
    sequence      bigserial,
    body          jsonb  NOT NULL,
    PRIMARY KEY (collection, id)
);

CREATE INDEX IF NOT EXISTS gx_read_model_documents_lists
    ON gx_read_model_documents (collection, partition_key, status, sequence DESC);

CREATE TABLE IF NOT EXISTS gx_read_model_counters
(
    name  text   PRIMARY KEY,
    value bigint NOT NULL
);
