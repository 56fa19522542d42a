-- Grain state for ADO.NET grain storage. One row per (service, grain type, grain id); the payload
-- is whatever the configured IGrainStorageSerializer produced (Orleans binary in GX).
--
-- The provider identifies a grain by ServiceId, GrainTypeString and the key parts N0/N1 (a GUID
-- or integer key) plus an optional string (string keys, key extensions). A string key can be long,
-- and btree entries are limited to about 2.7 kB, so the primary key is a SHA-256 of the
-- length-prefixed parts (length prefixes keep "a/b"+"c" and "a"+"b/c" apart; NULL and '' differ).

CREATE FUNCTION orleans_grain_key(service_id text, grain_type text, n0 bigint, n1 bigint, extension text)
RETURNS bytea
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
-- convert_to is only STABLE because it depends on the database encoding, which cannot change for
-- an existing database; IMMUTABLE is what allows this function in a generated column.
RETURN sha256(convert_to(
    length(service_id)::text || ':' || service_id || '|' ||
    length(grain_type)::text || ':' || grain_type || '|' ||
    n0::text || '|' || n1::text || '|' ||
    COALESCE(length(extension)::text || ':' || extension, 'null'),
    'UTF8'));

CREATE TABLE orleans_storage
(
    grain_key       bytea       GENERATED ALWAYS AS (orleans_grain_key(service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)) STORED PRIMARY KEY,
    service_id      text        NOT NULL,
    grain_type      text        NOT NULL,
    grain_id_n0     bigint      NOT NULL,
    grain_id_n1     bigint      NOT NULL,
    grain_id_extension text     NULL,
    payload         bytea       NULL,
    version         integer     NOT NULL,
    modified_at     timestamptz NOT NULL DEFAULT now()
);

-- The provider also sends GrainIdHash and GrainTypeHash; the primary key makes them unnecessary.
INSERT INTO orleansquery (querykey, querytext) VALUES
(
    -- No row at all, or a row whose payload was cleared: the provider then creates a fresh state
    -- but keeps the version as the ETag for its next write.
    'ReadFromStorageKey',
    $sql$
    SELECT payload AS "PayloadBinary", version AS "Version"
    FROM orleans_storage
    WHERE grain_key = orleans_grain_key(CAST(@ServiceId AS text), CAST(@GrainTypeString AS text),
                                        CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint),
                                        CAST(@GrainIdExtensionString AS text));
    $sql$
),
(
    -- Optimistic concurrency: a writer without an ETag may only create the row, a writer with one
    -- may only replace the row still at that version. Otherwise no row comes back, and the
    -- provider raises InconsistentStateException.
    'WriteToStorageKey',
    $sql$
    WITH created AS
    (
        INSERT INTO orleans_storage
            (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
        SELECT CAST(@ServiceId AS text), CAST(@GrainTypeString AS text),
               CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint),
               CAST(@GrainIdExtensionString AS text), CAST(@PayloadBinary AS bytea), 1
        WHERE CAST(@GrainStateVersion AS integer) IS NULL
        ON CONFLICT (grain_key) DO NOTHING
        RETURNING version
    ),
    replaced AS
    (
        UPDATE orleans_storage
        SET payload = CAST(@PayloadBinary AS bytea), version = version + 1, modified_at = now()
        WHERE grain_key = orleans_grain_key(CAST(@ServiceId AS text), CAST(@GrainTypeString AS text),
                                            CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint),
                                            CAST(@GrainIdExtensionString AS text))
          AND version = CAST(@GrainStateVersion AS integer)
        RETURNING version
    )
    SELECT version AS "NewGrainStateVersion" FROM created
    UNION ALL
    SELECT version FROM replaced;
    $sql$
),
(
    -- Clearing keeps the row with a NULL payload and a new version, so a stale writer still fails.
    'ClearStorageKey',
    $sql$
    UPDATE orleans_storage
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE grain_key = orleans_grain_key(CAST(@ServiceId AS text), CAST(@GrainTypeString AS text),
                                        CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint),
                                        CAST(@GrainIdExtensionString AS text))
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version AS "NewGrainStateVersion";
    $sql$
),
(
    -- Used when DeleteStateOnClear is set. The provider expects the deleted version + 1 back.
    'DeleteStorageKey',
    $sql$
    DELETE FROM orleans_storage
    WHERE grain_key = orleans_grain_key(CAST(@ServiceId AS text), CAST(@GrainTypeString AS text),
                                        CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint),
                                        CAST(@GrainIdExtensionString AS text))
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version + 1 AS "NewGrainStateVersion";
    $sql$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
