-- 0002: the partnership record: what families told us, SMART goals with check-ins and learning at
-- home, the contact log with follow-ups, praise and positive calls, and concerns with their causes.
-- Rows about a child go when the child goes (ON DELETE CASCADE); a deleted guardian leaves the
-- contact log intact (ON DELETE SET NULL).

CREATE TABLE question (
    id          INTEGER PRIMARY KEY,
    prompt      TEXT NOT NULL CHECK (prompt <> ''),
    topic       TEXT NOT NULL DEFAULT 'other'
                CHECK (topic IN ('strengths', 'interests', 'worries', 'learning', 'home', 'hopes',
                                 'people', 'contact', 'ask', 'other')),
    position    INTEGER NOT NULL,
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    -- The seed question this row started as (src/questions.rs), so translations can follow it.
    seed_key    TEXT UNIQUE
) STRICT;

CREATE TABLE answer (
    id           INTEGER PRIMARY KEY,
    student_id   INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    -- NULL: the family answered together (or the teacher does not know who wrote it).
    guardian_id  INTEGER REFERENCES guardian (id) ON DELETE SET NULL,
    question_id  INTEGER NOT NULL REFERENCES question (id) ON DELETE RESTRICT,
    answer       TEXT NOT NULL CHECK (answer <> ''),
    answered_on  TEXT NOT NULL CHECK (date(answered_on) IS answered_on),
    sensitive    INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1))
) STRICT;
CREATE INDEX answer_by_student ON answer (student_id, question_id);

CREATE TABLE goal (
    id                INTEGER PRIMARY KEY,
    student_id        INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    area              TEXT NOT NULL
                      CHECK (area IN ('reading', 'math', 'behaviour', 'social', 'attendance', 'other')),
    statement         TEXT NOT NULL CHECK (statement <> ''),
    measure           TEXT NOT NULL DEFAULT '',
    unit              TEXT NOT NULL DEFAULT '',
    aim               TEXT NOT NULL DEFAULT 'increase' CHECK (aim IN ('increase', 'decrease')),
    baseline          REAL,
    target            REAL,
    steps             TEXT NOT NULL DEFAULT '',
    why               TEXT NOT NULL DEFAULT '',
    family_answer_id  INTEGER REFERENCES answer (id) ON DELETE SET NULL,
    starts_on         TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
    due_on            TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'met', 'not_met', 'dropped')),
    CHECK (due_on IS NULL OR due_on >= starts_on)
) STRICT;
CREATE INDEX goal_by_student ON goal (student_id);

CREATE TABLE check_in (
    id        INTEGER PRIMARY KEY,
    goal_id   INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    on_date   TEXT NOT NULL CHECK (date(on_date) IS on_date),
    value     REAL NOT NULL,
    note      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX check_in_by_goal ON check_in (goal_id, on_date);

CREATE TABLE home_activity (
    id         INTEGER PRIMARY KEY,
    goal_id    INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    title      TEXT NOT NULL CHECK (title <> ''),
    details    TEXT NOT NULL DEFAULT '',
    how_often  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX home_activity_by_goal ON home_activity (goal_id);

CREATE TABLE contact (
    id              INTEGER PRIMARY KEY,
    student_id      INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    guardian_id     INTEGER REFERENCES guardian (id) ON DELETE SET NULL,
    happened_on     TEXT NOT NULL CHECK (date(happened_on) IS happened_on),
    method          TEXT NOT NULL
                    CHECK (method IN ('phone', 'text', 'email', 'note_home', 'meeting', 'video')),
    initiated_by    TEXT NOT NULL DEFAULT 'teacher' CHECK (initiated_by IN ('teacher', 'family', 'school')),
    kind            TEXT NOT NULL
                    CHECK (kind IN ('introduction', 'positive', 'concern', 'information', 'conference')),
    summary         TEXT NOT NULL DEFAULT '',
    outcome         TEXT NOT NULL DEFAULT '',
    reached         INTEGER NOT NULL DEFAULT 1 CHECK (reached IN (0, 1)),
    follow_up_on    TEXT CHECK (follow_up_on IS NULL OR date(follow_up_on) IS follow_up_on),
    follow_up_done  INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_done IN (0, 1)),
    sensitive       INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1))
) STRICT;
CREATE INDEX contact_by_student ON contact (student_id, happened_on);
CREATE INDEX contact_follow_up ON contact (follow_up_on) WHERE follow_up_on IS NOT NULL AND follow_up_done = 0;

CREATE TABLE praise (
    id           INTEGER PRIMARY KEY,
    student_id   INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    noticed_on   TEXT NOT NULL CHECK (date(noticed_on) IS noticed_on),
    category     TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    call_queued  INTEGER NOT NULL DEFAULT 0 CHECK (call_queued IN (0, 1)),
    -- The positive contact that told the family; set when the call is made.
    contact_id   INTEGER REFERENCES contact (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX praise_by_student ON praise (student_id, noticed_on);

CREATE TABLE concern (
    id           INTEGER PRIMARY KEY,
    student_id   INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    noticed_on   TEXT NOT NULL CHECK (date(noticed_on) IS noticed_on),
    observed     TEXT NOT NULL CHECK (observed <> ''),
    setting      TEXT NOT NULL DEFAULT '',
    strategies   TEXT NOT NULL DEFAULT '',
    -- The contact in which it was discussed with the family.
    contact_id   INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    plan         TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    sensitive    INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
    resolved_on  TEXT CHECK (resolved_on IS NULL OR date(resolved_on) IS resolved_on)
) STRICT;
CREATE INDEX concern_by_student ON concern (student_id, noticed_on);

-- Possible causes, as codes from src/causes.rs.
CREATE TABLE concern_cause (
    concern_id  INTEGER NOT NULL REFERENCES concern (id) ON DELETE CASCADE,
    cause       TEXT NOT NULL,
    PRIMARY KEY (concern_id, cause)
) STRICT, WITHOUT ROWID;
