-- The Orleans ADO.NET providers (clustering, persistence, reminders) do not embed SQL: at start-up
-- each one runs "SELECT QueryKey, QueryText FROM OrleansQuery" and refuses to start unless every
-- query key it knows is present. The identifiers are unquoted in that statement, so the table and
-- its columns are lower case here. Later migrations insert their queries with ON CONFLICT DO UPDATE
-- so a migration can also replace a query.
CREATE TABLE orleansquery
(
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);
