-- Cases, their append-only logs and the outbox of the actions they asked for.
CREATE TABLE cases (
    id          TEXT PRIMARY KEY,
    standard    TEXT NOT NULL,
    procedure   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    doc         TEXT NOT NULL,
    version     BIGINT NOT NULL,
    due_at      BIGINT,
    deadline_at BIGINT,
    risk_at     BIGINT,
    finished    BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX cases_due ON cases (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX cases_deadline ON cases (standard, procedure, deadline_at) WHERE deadline_at IS NOT NULL;
CREATE INDEX cases_risk ON cases (standard, procedure, risk_at) WHERE risk_at IS NOT NULL;

CREATE TABLE log (
    case_id  TEXT NOT NULL,
    seq      BIGINT NOT NULL,
    kind     TEXT NOT NULL,
    body     TEXT NOT NULL,
    key      TEXT,
    response TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
);
CREATE UNIQUE INDEX log_key ON log (case_id, key) WHERE key IS NOT NULL;

CREATE TABLE outbox (
    id      BIGSERIAL PRIMARY KEY,
    case_id TEXT NOT NULL,
    seq     BIGINT NOT NULL,
    n       INTEGER NOT NULL,
    action  TEXT NOT NULL,
    taken   BIGINT,
    UNIQUE (case_id, seq, n)
);
CREATE INDEX outbox_waiting ON outbox (id) WHERE taken IS NULL;
