//! Opening one SQLite file safely: WAL journaling, forward-only schema
//! migrations, and moving aside (never deleting) a file that is corrupt or
//! was written by a newer dossier, so a fresh one can take its place.
//!
//! The schema version lives in SQLite's `user_version`; a database's
//! migrations are an ordered list of SQL batches, and migration `i` brings
//! the file from version `i` to `i + 1` in one transaction, so a crash
//! mid-migration leaves the previous version intact.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, ErrorCode, TransactionBehavior};

use super::StateError;

/// How a database file is used, which decides how it is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Small and precious: `PRAGMA quick_check` (reads every page) on open.
    Full,
    /// Large and derived, mostly big blobs: only what opening and migrating
    /// read is checked, and a new file gets 64 KiB pages, so a blob spans
    /// 16 times fewer overflow pages.
    Header,
}

/// Why an existing file cannot be used and must be moved aside.
#[derive(Debug)]
enum Unusable {
    Corrupt(String),
    Newer(u32),
}

impl std::fmt::Display for Unusable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unusable::Corrupt(why) => write!(f, "the database is corrupt ({})", first_line(why)),
            Unusable::Newer(v) => write!(
                f,
                "the database was written by a newer dossier (schema version {v})"
            ),
        }
    }
}

enum Failure {
    Unusable(Unusable),
    Fatal(rusqlite::Error),
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        if is_damaged(&e) {
            Failure::Unusable(Unusable::Corrupt(e.to_string()))
        } else {
            Failure::Fatal(e)
        }
    }
}

/// Returns true if and only if `e` says the file is damaged or is not a
/// database at all.
pub fn is_damaged(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    )
}

/// Opens (creating if needed) the database at `path` and migrates it to
/// `migrations.len()`. A corrupt or newer file is renamed to
/// `<name>.corrupt-<UTC timestamp>` (with its `-wal` and `-shm` companions)
/// and a fresh file is created; each such event adds one line, naming the
/// path and the reason, to the returned notices.
pub fn open(
    path: &Path,
    migrations: &[&str],
    check: Check,
) -> Result<(Connection, Vec<String>), StateError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StateError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let mut notices = Vec::new();
    match try_open_waiting(path, migrations, check) {
        Ok(conn) => return Ok((conn, notices)),
        Err(Failure::Fatal(source)) => {
            return Err(StateError::Sqlite {
                path: path.to_path_buf(),
                source,
            });
        }
        Err(Failure::Unusable(why)) => {
            let aside = move_aside(path)?;
            notices.push(format!(
                "{}: {why}; moved it to {} and started a fresh one",
                path.display(),
                aside.display()
            ));
        }
    }
    match try_open_waiting(path, migrations, check) {
        Ok(conn) => Ok((conn, notices)),
        Err(Failure::Fatal(source)) => Err(StateError::Sqlite {
            path: path.to_path_buf(),
            source,
        }),
        Err(Failure::Unusable(why)) => Err(StateError::Unusable {
            path: path.to_path_buf(),
            reason: why.to_string(),
        }),
    }
}

/// Opens an in-memory database with the same schema: the store of
/// `--no-state`, which touches nothing on disk.
pub fn open_in_memory(migrations: &[&str]) -> Result<Connection, StateError> {
    let memory_error = |source| StateError::Sqlite {
        path: PathBuf::from(":memory:"),
        source,
    };
    let mut conn = Connection::open_in_memory().map_err(memory_error)?;
    match migrate(&mut conn, migrations) {
        Ok(()) => Ok(conn),
        Err(Failure::Fatal(e)) => Err(memory_error(e)),
        Err(Failure::Unusable(why)) => Err(StateError::Unusable {
            path: PathBuf::from(":memory:"),
            reason: why.to_string(),
        }),
    }
}

/// [`try_open`], tried again while another process holds the file busy.
/// SQLite's busy handler does not cover every step of opening: switching a
/// new file to WAL, or reading while another connection recovers the WAL,
/// can answer "database is locked" at once. Those are waited out here, up
/// to [`BUSY_TIMEOUT`], as a write would be.
fn try_open_waiting(path: &Path, migrations: &[&str], check: Check) -> Result<Connection, Failure> {
    let started = std::time::Instant::now();
    loop {
        match try_open(path, migrations, check) {
            Err(Failure::Fatal(e)) if is_busy(&e) && started.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            done => return done,
        }
    }
}

/// Returns true if and only if `e` says another connection holds a lock.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

fn try_open(path: &Path, migrations: &[&str], check: Check) -> Result<Connection, Failure> {
    let mut conn = Connection::open(path)?;
    // Another dossier may hold the write lock for a moment (creating the
    // schema, writing a mark); wait rather than mistake a busy file for a
    // broken one.
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if check == Check::Header {
        // Only takes effect on a file with no pages yet, before WAL.
        conn.pragma_update(None, "page_size", 65_536)?;
    }
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Failure::Fatal(rusqlite::Error::InvalidParameterName(
            format!("cannot switch to WAL journaling (got {mode})"),
        )));
    }
    // In WAL mode NORMAL still never corrupts the file; a power cut may only
    // drop the last commits, and a killed process loses nothing committed.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    if check == Check::Full {
        let verdict: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if verdict != "ok" {
            return Err(Failure::Unusable(Unusable::Corrupt(first_line(&verdict))));
        }
    }
    migrate(&mut conn, migrations)?;
    Ok(conn)
}

/// How long an open or a write waits for another dossier's lock.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// How long emptying the write-ahead log waits for other readers of the
/// file: it is a saving of disk, never worth holding up the caller.
const EMPTY_LOG_WAIT: std::time::Duration = std::time::Duration::from_millis(500);

/// Copies what the write-ahead log of `conn`'s file holds into the file
/// and cuts the log to nothing. SQLite does so itself only when the last
/// connection closes, and a process can end with one still open (the
/// reader's loader thread waits on its channels until the UI has gone):
/// the log was then left beside the file, as large as the largest write
/// (152 MB, a quarter of the state directory, after a cold open of
/// 100,000 articles), and the next open had to read it back. Returns
/// false when another reader kept it from being emptied, which is no
/// error: the log is emptied at a later call or close.
pub fn empty_log(conn: &Connection) -> rusqlite::Result<bool> {
    conn.busy_timeout(EMPTY_LOG_WAIT)?;
    // (busy, log pages, pages copied): busy is 1 when a reader held it.
    let busy = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        r.get::<_, i64>(0)
    });
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(busy? == 0)
}

/// Brings the schema to `migrations.len()` inside one exclusive
/// transaction: the version is read and every missing migration applied
/// under the same lock, so of several processes opening a new file at once
/// the first creates the schema and the others, waiting on the lock, find
/// it done. A crash mid-way leaves the previous version intact.
fn migrate(conn: &mut Connection, migrations: &[&str]) -> Result<(), Failure> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    let version: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = migrations.len() as u32;
    if version > known {
        return Err(Failure::Unusable(Unusable::Newer(version)));
    }
    if version == known {
        return Ok(());
    }
    for sql in &migrations[version as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", known)?;
    tx.commit()?;
    Ok(())
}

/// Returns the first line of a multi-line SQLite report, with a count of
/// the others, so that a notice stays one line.
fn first_line(report: &str) -> String {
    // quick_check heads its list with "*** in database main ***".
    let mut lines = report
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("***"));
    let first = lines.next().unwrap_or("").to_owned();
    match lines.count() {
        0 => first,
        more => format!("{first} and {more} more problem(s)"),
    }
}

/// Renames `path` and its WAL companions to `<path>.corrupt-<stamp>…` and
/// returns the new name of the main file.
pub(crate) fn move_aside(path: &Path) -> Result<PathBuf, StateError> {
    let stamp = utc_stamp(SystemTime::now());
    let mut aside = with_suffix(path, &format!(".corrupt-{stamp}"));
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = with_suffix(path, &format!(".corrupt-{stamp}-{n}"));
    }
    for companion in ["-wal", "-shm"] {
        let from = with_suffix(path, companion);
        if from.exists() {
            let to = with_suffix(&aside, companion);
            std::fs::rename(&from, &to).map_err(|source| StateError::Io { path: from, source })?;
        }
    }
    std::fs::rename(path, &aside).map_err(|source| StateError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(aside)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Seconds since the Unix epoch, for `first_seen` columns.
pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Formats a time as `YYYYMMDDTHHMMSSZ`, sortable and safe in file names.
fn utc_stamp(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Converts days since 1970-01-01 to a proleptic Gregorian date
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_calendar_dates() {
        let t = UNIX_EPOCH + std::time::Duration::from_secs(1_709_210_096);
        assert_eq!(utc_stamp(t), "20240229T123456Z");
        assert_eq!(utc_stamp(UNIX_EPOCH), "19700101T000000Z");
    }

    #[test]
    fn a_many_line_report_becomes_one_line() {
        let report = "*** in database main ***\nPage 5: btreeInitPage() returns error code 11\nPage 6: never used\n";
        assert_eq!(
            first_line(report),
            "Page 5: btreeInitPage() returns error code 11 and 1 more problem(s)"
        );
        assert_eq!(first_line("ok"), "ok");
        let shown = Unusable::Corrupt(report.to_owned()).to_string();
        assert_eq!(shown.lines().count(), 1, "{shown}");
    }

    #[test]
    fn a_fresh_file_reaches_the_latest_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/x.db");
        let migrations = ["CREATE TABLE a(x);", "CREATE TABLE b(y);"];
        let (conn, notices) = open(&path, &migrations, Check::Full).unwrap();
        assert!(notices.is_empty());
        let v: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 2);
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
}
