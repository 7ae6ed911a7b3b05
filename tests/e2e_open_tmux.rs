//! End to end in a real terminal (tmux): `o` starts `$BROWSER` with the
//! article's address as exactly one argument and no shell in between (a
//! `$(...)` in the address stays text), the reader keeps its screen, and
//! `q` still quits. Skipped with a note when tmux is not installed.

use crate::tmux_support;

use std::time::{Duration, Instant};
use tmux_support::Tmux;

const SESSION: &str = "open";

#[test]
fn o_hands_the_address_to_the_browser_as_one_argument() {
    if !Tmux::available("the browser end-to-end test") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("PWNED");
    let article = format!(
        "---\ntitle: Tram line extension approved\nurl: https://city.example/news/tram;a=$(touch {})&b=1 c\n---\nThe city council approved the extension of the eastern tram line on Monday, with work due to start next spring and the first trams running by the end of 2027.\n",
        marker.display()
    );
    std::fs::write(dir.path().join("tram.md"), article).unwrap();
    let args_file = dir.path().join("args.txt");
    let browser = dir.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '{}'\n",
            args_file.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let tmux = Tmux::new("open", Duration::from_secs(20));
    let bin = env!("CARGO_BIN_EXE_dossier");
    let script = format!(
        "BROWSER='{}' '{bin}' --no-state '{}'; echo EXITED; sleep 30",
        browser.display(),
        dir.path().display()
    );
    tmux.start(SESSION, 100, 30, &script);
    tmux.wait_for(SESSION, false, "the article", |s| {
        s.contains("Tram line extension approved")
    });
    tmux.keys(SESSION, &["o"]);
    let screen = tmux.wait_for(SESSION, false, "the footer note", |s| {
        s.contains("opening https://city.example/news/tram")
    });
    assert!(
        screen.contains(" Articles "),
        "the reader kept its screen:\n{screen}"
    );
    let started = Instant::now();
    while !args_file.exists() && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    // The script may still be writing; give it a moment to finish.
    std::thread::sleep(Duration::from_millis(200));
    let written = std::fs::read_to_string(&args_file).expect("the browser ran");
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(lines[0], "1", "one argument: {written}");
    assert!(
        lines[1].starts_with("https://city.example/news/tram;a=$(touch%20"),
        "{written}"
    );
    assert!(lines[1].ends_with("&b=1%20c"), "{written}");
    assert!(!marker.exists(), "a shell ran the address");
    tmux.quit(SESSION);
}
