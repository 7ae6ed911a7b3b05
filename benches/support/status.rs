//! A process's memory figures, as Linux reports them in
//! `/proc/<pid>/status`: for benches that print peak or current RSS, their
//! own or a program's they run.

/// Returns the field of `/proc/self/status` named `field` (with its colon,
/// "VmHWM:" for the peak RSS, "VmRSS:" for the current one) in bytes;
/// `None` where there is no such file or field.
#[allow(dead_code, reason = "not every bench reads its own figures")]
pub fn status_bytes(field: &str) -> Option<usize> {
    process_status_bytes("self", field)
}

/// [`status_bytes`] of the process `process` (its pid, or "self").
pub fn process_status_bytes(process: &str, field: &str) -> Option<usize> {
    let status = std::fs::read_to_string(format!("/proc/{process}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
