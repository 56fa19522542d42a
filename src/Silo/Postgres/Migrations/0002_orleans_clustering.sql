-- Cluster membership for ADO.NET clustering (silos and gateway discovery by clients).
-- The provider's optimistic concurrency works on one version row per deployment (cluster id):
-- every insert or update of a silo row must carry the version it read, and bumps it.

CREATE TABLE orleans_membership_version
(
    deployment_id text        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership
(
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NULL,
    host_name       text        NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NULL,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Parameters are cast explicitly: Npgsql sends some of them (nulls in particular) with types the
-- server cannot infer on its own. Result columns are quoted aliases because the provider reads
-- them by their PascalCase names.
INSERT INTO orleansquery (querykey, querytext) VALUES
(
    'InsertMembershipVersionKey',
    $sql$
    WITH created AS
    (
        INSERT INTO orleans_membership_version (deployment_id)
        VALUES (CAST(@DeploymentId AS text))
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM created) AS "Inserted";
    $sql$
),
(
    -- Always one row for the version, joined to the silo's row when it exists: the provider takes
    -- the table version from the first row and treats a row without StartTime as "no entry".
    'MembershipReadRowKey',
    $sql$
    SELECT
        v.version           AS "Version",
        m.deployment_id     AS "DeploymentId",
        m.address           AS "Address",
        m.port              AS "Port",
        m.generation        AS "Generation",
        m.silo_name         AS "SiloName",
        m.host_name         AS "HostName",
        m.status            AS "Status",
        m.proxy_port        AS "ProxyPort",
        m.suspect_times     AS "SuspectTimes",
        m.start_time        AS "StartTime",
        m.i_am_alive_time   AS "IAmAliveTime"
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m
        ON  m.deployment_id = v.deployment_id
        AND m.address = CAST(@Address AS text)
        AND m.port = CAST(@Port AS integer)
        AND m.generation = CAST(@Generation AS integer)
    WHERE v.deployment_id = CAST(@DeploymentId AS text);
    $sql$
),
(
    'MembershipReadAllKey',
    $sql$
    SELECT
        v.version           AS "Version",
        m.deployment_id     AS "DeploymentId",
        m.address           AS "Address",
        m.port              AS "Port",
        m.generation        AS "Generation",
        m.silo_name         AS "SiloName",
        m.host_name         AS "HostName",
        m.status            AS "Status",
        m.proxy_port        AS "ProxyPort",
        m.suspect_times     AS "SuspectTimes",
        m.start_time        AS "StartTime",
        m.i_am_alive_time   AS "IAmAliveTime"
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = CAST(@DeploymentId AS text);
    $sql$
),
(
    -- The version is bumped only when the silo row does not exist yet, and the row is inserted only
    -- when the bump succeeded, so a stale version or a duplicate silo changes nothing.
    'InsertMembershipKey',
    $sql$
    WITH bumped AS
    (
        UPDATE orleans_membership_version
        SET version = version + 1, changed_at = now()
        WHERE deployment_id = CAST(@DeploymentId AS text)
          AND version = CAST(@Version AS integer)
          AND NOT EXISTS
          (
              SELECT 1 FROM orleans_membership
              WHERE deployment_id = CAST(@DeploymentId AS text)
                AND address = CAST(@Address AS text)
                AND port = CAST(@Port AS integer)
                AND generation = CAST(@Generation AS integer)
          )
        RETURNING deployment_id
    ),
    inserted AS
    (
        INSERT INTO orleans_membership
            (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
             suspect_times, start_time, i_am_alive_time)
        SELECT
            bumped.deployment_id,
            CAST(@Address AS text),
            CAST(@Port AS integer),
            CAST(@Generation AS integer),
            CAST(@SiloName AS text),
            CAST(@HostName AS text),
            CAST(@Status AS integer),
            CAST(@ProxyPort AS integer),
            NULL,
            CAST(@StartTime AS timestamptz),
            CAST(@IAmAliveTime AS timestamptz)
        FROM bumped
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM inserted) AS "Inserted";
    $sql$
),
(
    'UpdateMembershipKey',
    $sql$
    WITH bumped AS
    (
        UPDATE orleans_membership_version
        SET version = version + 1, changed_at = now()
        WHERE deployment_id = CAST(@DeploymentId AS text)
          AND version = CAST(@Version AS integer)
          AND EXISTS
          (
              SELECT 1 FROM orleans_membership
              WHERE deployment_id = CAST(@DeploymentId AS text)
                AND address = CAST(@Address AS text)
                AND port = CAST(@Port AS integer)
                AND generation = CAST(@Generation AS integer)
          )
        RETURNING deployment_id
    ),
    updated AS
    (
        UPDATE orleans_membership m
        SET status = CAST(@Status AS integer),
            suspect_times = CAST(@SuspectTimes AS text),
            i_am_alive_time = CAST(@IAmAliveTime AS timestamptz)
        FROM bumped
        WHERE m.deployment_id = bumped.deployment_id
          AND m.address = CAST(@Address AS text)
          AND m.port = CAST(@Port AS integer)
          AND m.generation = CAST(@Generation AS integer)
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM updated) AS "Updated";
    $sql$
),
(
    -- Liveness heartbeats do not take part in the version protocol (the membership contract says so):
    -- they would otherwise make every other writer's version stale every few seconds.
    'UpdateIAmAlivetimeKey',
    $sql$
    UPDATE orleans_membership
    SET i_am_alive_time = CAST(@IAmAliveTime AS timestamptz)
    WHERE deployment_id = CAST(@DeploymentId AS text)
      AND address = CAST(@Address AS text)
      AND port = CAST(@Port AS integer)
      AND generation = CAST(@Generation AS integer);
    $sql$
),
(
    'GatewaysQueryKey',
    $sql$
    SELECT
        address     AS "Address",
        proxy_port  AS "ProxyPort",
        generation  AS "Generation"
    FROM orleans_membership
    WHERE deployment_id = CAST(@DeploymentId AS text)
      AND status = CAST(@Status AS integer)
      AND proxy_port > 0;
    $sql$
),
(
    'DeleteMembershipTableEntriesKey',
    $sql$
    DELETE FROM orleans_membership_version
    WHERE deployment_id = CAST(@DeploymentId AS text);
    $sql$
),
(
    -- Removes silos that stopped heart-beating before the given time, except ones still marked
    -- Active (status 3): those must first be declared dead by the membership protocol.
    'CleanupDefunctSiloEntriesKey',
    $sql$
    DELETE FROM orleans_membership
    WHERE deployment_id = CAST(@DeploymentId AS text)
      AND i_am_alive_time < CAST(@IAmAliveTime AS timestamptz)
      AND status <> 3;
    $sql$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
