-- KYC documents (identity service): metadata and the scanned bytes, one row each. Owners list their documents by owner_id.
CREATE TABLE IF NOT EXISTS gx_kyc_documents
(
    document_id  uuid        PRIMARY KEY,
    owner_id     uuid        NOT NULL,
    kind         text        NOT NULL,
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes > 0),
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    status       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    content      bytea       NOT NULL
);

-- JPEG, PNG, WebP and PDF are compressed already: store the bytes as they are, out of line.
ALTER TABLE gx_kyc_documents ALTER COLUMN content SET STORAGE EXTERNAL;

CREATE INDEX IF NOT EXISTS gx_kyc_documents_owner ON gx_kyc_documents (owner_id, created_at);
