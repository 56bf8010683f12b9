-- 0010: two computers, one record. These tables belong to this copy of the record alone and are
-- never sent to the other computer (src/store/sync/tables.rs lists what is): how this copy takes
-- part in a sync folder, which change files of the other computers it has applied, the stamp
-- (time and computer) of every value a sync has carried, the changes waiting for the folder, and
-- the values that lost to the same field changed on the other computer.

-- One row while this record syncs through a folder.
CREATE TABLE sync_state (
    only          INTEGER PRIMARY KEY CHECK (only = 1),
    -- The shared record's id: the same on every computer that syncs it.
    group_id      TEXT NOT NULL,
    -- This copy's id: the name of its change files.
    computer_id   TEXT NOT NULL,
    folder        TEXT NOT NULL,
    -- Whether the change files are encrypted (the record was protected when the sync was set up).
    encrypted     INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
    -- The sequence number of the next change file this copy writes.
    next_seq      INTEGER NOT NULL DEFAULT 1 CHECK (next_seq >= 1),
    -- Written with every sync and into the snapshot taken then: a snapshot with another token is
    -- not the record as it was last synced.
    base_token    TEXT NOT NULL,
    last_synced_at  TEXT,
    last_sent     INTEGER NOT NULL DEFAULT 0,
    last_received INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The change files of every other computer applied here, by the last sequence number.
CREATE TABLE sync_peer (
    computer_id  TEXT PRIMARY KEY,
    applied_seq  INTEGER NOT NULL CHECK (applied_seq >= 0)
) STRICT, WITHOUT ROWID;

-- When a value was written, on which computer and in which of its change files: the later edit
-- of a field changed on both computers wins on both, and a deletion made without knowing of an
-- edit (the file's sequence number not yet seen by the deleting computer) leaves the row.
-- `col` is '' for a whole new row.
CREATE TABLE sync_stamp (
    tbl       TEXT NOT NULL,
    pk        TEXT NOT NULL,
    col       TEXT NOT NULL,
    at        TEXT NOT NULL,
    computer  TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    PRIMARY KEY (tbl, pk, col)
) STRICT, WITHOUT ROWID;

-- Change files made here and not yet written to the folder (a USB stick not plugged in).
CREATE TABLE sync_outbox (
    seq      INTEGER PRIMARY KEY,
    changes  INTEGER NOT NULL,
    file     BLOB NOT NULL
) STRICT;

-- What a sync could not keep both of: the same field changed on both computers (the later edit
-- won; `other` is the value that lost), or an edit on one computer of what the other deleted
-- (the edit was kept). Listed under "Changed on both computers" until the teacher decides.
CREATE TABLE sync_conflict (
    id        TEXT PRIMARY KEY,
    seen_at   TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('both_changed', 'edit_over_delete')),
    tbl       TEXT NOT NULL,
    pk        TEXT NOT NULL,
    col       TEXT NOT NULL DEFAULT '',
    -- JSON values: what the record holds now, and what the other computer had.
    kept      TEXT NOT NULL DEFAULT 'null',
    other     TEXT NOT NULL DEFAULT 'null',
    -- Whether the other value came from the other computer (1) or was this computer's own (0).
    other_is_theirs INTEGER NOT NULL DEFAULT 1 CHECK (other_is_theirs IN (0, 1)),
    settled   INTEGER NOT NULL DEFAULT 0 CHECK (settled IN (0, 1))
) STRICT;
CREATE INDEX sync_conflict_open ON sync_conflict (settled, seen_at);
