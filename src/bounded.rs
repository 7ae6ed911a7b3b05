//! Reading a file with bounded work: regular files only, checked on the
//! opened handle (so a file swapped for a FIFO or a device after the walk
//! is refused, not waited on), and never more than a limit read, whatever
//! size the file claims or grows to.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use xxhash_rust::xxh3::Xxh3;

/// What a capped read found.
#[derive(Debug, PartialEq, Eq)]
pub enum Capped {
    /// The whole file, at most the limit.
    Whole(Vec<u8>),
    /// The file is larger than the limit (its size, or the limit + 1 when
    /// it grew while being read); nothing past the limit was read.
    TooLarge(u64),
}

/// Opens `path` for reading without blocking on a FIFO and returns the
/// handle and its size; anything but a regular file is an error of kind
/// `InvalidInput` ("not a regular file").
pub fn open_regular(path: &Path) -> io::Result<(File, u64)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading blocks until a writer comes; with
        // O_NONBLOCK it returns at once and the type check refuses it.
        // Reads of a regular file ignore the flag.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    Ok((file, meta.len()))
}

/// Reads the regular file at `path` if it holds at most `cap` bytes. The
/// size is checked on the handle before reading, and the read itself
/// stops one byte past the cap.
pub fn read_capped(path: &Path, cap: u64) -> io::Result<Capped> {
    let (file, size) = open_regular(path)?;
    if size > cap {
        return Ok(Capped::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    if read_cached_part(&file, size, &mut bytes) {
        UNCACHED_READS.fetch_add(1, Ordering::Relaxed);
    }
    let rest = cap.saturating_add(1).saturating_sub(bytes.len() as u64);
    file.take(rest).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Ok(Capped::TooLarge(bytes.len() as u64));
    }
    Ok(Capped::Whole(bytes))
}

/// Reads of files the page cache did not wholly hold, so far in this
/// process (see [`uncached_reads`]).
static UNCACHED_READS: AtomicUsize = AtomicUsize::new(0);

/// Returns how many files [`read_capped`] has found not (wholly) in the
/// system's page cache so far, in this process: a read that had to wait
/// on the disk. Where the system cannot tell, it counts none.
pub fn uncached_reads() -> usize {
    UNCACHED_READS.load(Ordering::Relaxed)
}

/// Reads into `bytes` (empty) as much of `file`, from its current
/// offset, as the page cache holds, up to `size` bytes, without waiting
/// on the disk, and moves the offset past it; true when the cache did not
/// hold them all. The rest is left to an ordinary read.
#[cfg(all(target_os = "linux", not(target_os = "android")))]
fn read_cached_part(file: &File, size: u64, bytes: &mut Vec<u8>) -> bool {
    use rustix::io::{Errno, ReadWriteFlags, preadv2};
    let Ok(len) = usize::try_from(size) else {
        return false;
    };
    if len == 0 {
        return false;
    }
    bytes.resize(len, 0);
    // `u64::MAX`: from the file's offset, and moving it.
    let read = preadv2(
        file,
        &mut [io::IoSliceMut::new(bytes)],
        u64::MAX,
        ReadWriteFlags::NOWAIT,
    );
    let (kept, uncached) = match read {
        Ok(n) => (n, n < len),
        Err(Errno::AGAIN) => (0, true),
        // A system or file system that cannot tell: read as usual.
        Err(_) => (0, false),
    };
    bytes.truncate(kept);
    uncached
}

/// Elsewhere the system cannot tell what its cache holds: everything is
/// read as usual.
#[cfg(not(all(target_os = "linux", not(target_os = "android"))))]
fn read_cached_part(_file: &File, _size: u64, _bytes: &mut Vec<u8>) -> bool {
    false
}

/// Asks the system to start reading the regular file at `path` into its
/// page cache, if it holds at most `cap` bytes, and returns at once (a
/// hint: nothing is read here, and failing costs nothing but time).
pub fn read_ahead(path: &Path, cap: u64) {
    let Ok((file, size)) = open_regular(path) else {
        return;
    };
    if size > cap {
        return;
    }
    // Only a hint: a system that does not take it reads on demand.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::WillNeed);
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    drop(file);
}

/// Returns the xxh3 hash of the regular file at `path`, streamed in
/// blocks, or `None` when it is larger than `cap` (then at most `cap` + 1
/// bytes were read).
pub fn hash_capped(path: &Path, cap: u64) -> io::Result<Option<u64>> {
    let (file, size) = open_regular(path)?;
    if size > cap {
        return Ok(None);
    }
    let mut reader = file.take(cap.saturating_add(1));
    let mut hasher = Xxh3::new();
    let mut block = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        let n = match reader.read(&mut block) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        total += n as u64;
        hasher.update(&block[..n]);
    }
    Ok((total <= cap).then(|| hasher.digest()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_cap_and_no_further() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(
            read_capped(&path, 10).unwrap(),
            Capped::Whole(b"0123456789".to_vec())
        );
        assert_eq!(read_capped(&path, 9).unwrap(), Capped::TooLarge(10));
        assert_eq!(
            hash_capped(&path, 10).unwrap(),
            Some(xxhash_rust::xxh3::xxh3_64(b"0123456789"))
        );
        assert_eq!(hash_capped(&path, 9).unwrap(), None);
    }

    #[test]
    fn a_file_is_read_whole_after_the_part_the_cache_held() {
        let dir = tempfile::tempdir().unwrap();
        for size in [1usize, 4095, 4096, 4097, 300_000] {
            let path = dir.path().join(format!("{size}.txt"));
            let text: Vec<u8> = (0..size).map(|i| b'a' + (i % 26) as u8).collect();
            std::fs::write(&path, &text).unwrap();
            assert_eq!(
                read_capped(&path, 1 << 20).unwrap(),
                Capped::Whole(text.clone())
            );
            // A file just written is in the cache; and the ordinary read
            // goes on where the first stopped (here: the file grew past
            // the size first taken).
            let file = File::open(&path).unwrap();
            let mut bytes = Vec::new();
            let uncached = read_cached_part(&file, (size / 2) as u64, &mut bytes);
            assert!(bytes.len() <= size / 2, "{size}");
            assert!(uncached || bytes.len() == size / 2 || cfg!(not(target_os = "linux")));
            file.take(1 << 20).read_to_end(&mut bytes).unwrap();
            assert_eq!(bytes, text, "{size}");
        }
    }

    #[test]
    fn folders_and_devices_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_capped(dir.path(), 100).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        #[cfg(unix)]
        {
            let err = read_capped(Path::new("/dev/zero"), 100).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        }
    }

    #[test]
    fn reading_ahead_never_waits_on_what_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        let (tx, rx) = std::sync::mpsc::channel();
        let paths = [fifo, dir.path().to_path_buf(), dir.path().join("gone.txt")];
        std::thread::spawn(move || {
            for path in &paths {
                read_ahead(path, 100);
            }
            read_ahead(Path::new("/dev/zero"), 100);
            tx.send(()).unwrap();
        });
        let waited = rx.recv_timeout(std::time::Duration::from_secs(30));
        assert!(made.is_err() || waited.is_ok(), "read_ahead blocked");
    }
}
