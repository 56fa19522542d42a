-- Reminders for the ADO.NET reminder service. Each silo reads the reminders whose grain hash
-- falls in its slice of the consistent-hash ring, hence the (service_id, grain_hash) index.

CREATE TABLE orleans_reminders
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
(
    'ReadReminderRowsKey',
    $sql$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
    FROM orleans_reminders
    WHERE service_id = CAST(@ServiceId AS text)
      AND grain_id = CAST(@GrainId AS text);
    $sql$
),
(
    -- The provider hands hashes over as signed integers and picks this query when the range
    -- does not wrap around (begin < end) ...
    'ReadRangeRows1Key',
    $sql$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
    FROM orleans_reminders
    WHERE service_id = CAST(@ServiceId AS text)
      AND grain_hash > CAST(@BeginHash AS integer)
      AND grain_hash <= CAST(@EndHash AS integer);
    $sql$
),
(
    -- ... and this one when it wraps around the end of the ring.
    'ReadRangeRows2Key',
    $sql$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
    FROM orleans_reminders
    WHERE service_id = CAST(@ServiceId AS text)
      AND (grain_hash > CAST(@BeginHash AS integer) OR grain_hash <= CAST(@EndHash AS integer));
    $sql$
),
(
    'ReadReminderRowKey',
    $sql$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
    FROM orleans_reminders
    WHERE service_id = CAST(@ServiceId AS text)
      AND grain_id = CAST(@GrainId AS text)
      AND reminder_name = CAST(@ReminderName AS text);
    $sql$
),
(
    'UpsertReminderRowKey',
    $sql$
    INSERT INTO orleans_reminders
        (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
    VALUES
        (CAST(@ServiceId AS text), CAST(@GrainId AS text), CAST(@ReminderName AS text),
         CAST(@StartTime AS timestamptz), CAST(@Period AS bigint), CAST(@GrainHash AS integer), 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET start_time = EXCLUDED.start_time,
        period_ms = EXCLUDED.period_ms,
        grain_hash = EXCLUDED.grain_hash,
        version = orleans_reminders.version + 1
    RETURNING version AS "Version";
    $sql$
),
(
    -- Deletes only the version the caller read, and tells it whether that happened.
    'DeleteReminderRowKey',
    $sql$
    WITH deleted AS
    (
        DELETE FROM orleans_reminders
        WHERE service_id = CAST(@ServiceId AS text)
          AND grain_id = CAST(@GrainId AS text)
          AND reminder_name = CAST(@ReminderName AS text)
          AND version = CAST(@Version AS integer)
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM deleted) AS "Deleted";
    $sql$
),
(
    'DeleteReminderRowsKey',
    $sql$
    DELETE FROM orleans_reminders
    WHERE service_id = CAST(@ServiceId AS text);
    $sql$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
