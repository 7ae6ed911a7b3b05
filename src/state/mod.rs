//! Remembered state: read and starred articles, scroll positions, the last
//! session of each corpus, and the cached index, in an embedded SQLite
//! database.
