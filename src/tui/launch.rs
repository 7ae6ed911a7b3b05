//! Handing an article's address to the world outside the reader: the
//! browser (`$BROWSER`, else `xdg-open` on Linux and `open` on macOS) and
//! the terminal's clipboard (OSC 52).
//!
//! The browser is started without a shell, the address passed as one
//! argument, in its own process group with no terminal on its standard
//! streams, so it can neither read keys meant for the reader nor draw over
//! it; a thread reaps it when it exits. Addresses reach here only after
//! the app checked they are `http`/`https` (see `app::address`).

use std::process::{Command, Stdio};

/// Starts the browser on `url`.
pub fn open_in_browser(url: &str) -> Result<(), String> {
    let (program, args) = browser_command();
    let mut command = Command::new(&program);
    command
        .args(&args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Ctrl-C in the reader must not reach the browser.
        command.process_group(0);
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("{program}: {}", e.kind()))?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Returns the browser program and its leading arguments: the first entry
/// of `$BROWSER` (a `:`-separated list, words split on spaces, no shell),
/// else the platform's opener.
fn browser_command() -> (String, Vec<String>) {
    let configured = std::env::var("BROWSER").ok().and_then(|list| {
        let first = list.split(':').map(str::trim).find(|s| !s.is_empty())?;
        let mut words = first.split_whitespace().map(str::to_owned);
        // A `%s` placeholder stands where the address goes: at the end.
        let program = words.next()?;
        Some((program, words.filter(|w| w != "%s").collect()))
    });
    configured.unwrap_or_else(|| {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        (opener.to_owned(), Vec::new())
    })
}

/// Puts `text` on the clipboard through the terminal (OSC 52; see
/// [`crate::out::copy_to_clipboard`]).
pub fn copy_to_clipboard(text: &str) -> std::io::Result<()> {
    crate::out::copy_to_clipboard(text)
}
