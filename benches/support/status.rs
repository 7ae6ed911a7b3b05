//! The process's own memory figures, as Linux reports them in
//! `/proc/self/status`: for benches that print peak or current RSS.

/// Returns the field of `/proc/self/status` named `field` (with its colon,
/// "VmHWM:" for the peak RSS, "VmRSS:" for the current one) in bytes;
/// `None` where there is no such file or field.
pub fn status_bytes(field: &str) -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
