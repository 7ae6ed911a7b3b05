//! The config file: any text parses or is refused with one line; the
//! line, shown through the door, holds no control character; a config
//! that is accepted gives a reader setup or a one-line refusal too.
#![no_main]

use std::path::Path;

use dossier::config::Config;
use dossier::out::diag_line;
use dossier::tui::Setup;
use dossier_fuzz::{assert_safe, warm_up, within_linear_budget};
use libfuzzer_sys::fuzz_target;

fn assert_one_safe_line(message: &dyn std::fmt::Display) {
    let line = diag_line(message);
    let body = line.strip_suffix('\n').expect("ends with a line feed");
    assert_safe(body, false, "diagnostic");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    warm_up(|| {
        let _ = Config::parse(dossier::config::DEFAULT_TOML, Path::new("warm.toml"));
    });
    let parsed = within_linear_budget(data.len(), "config", || {
        Config::parse(text, Path::new("fuzz.toml"))
    });
    match parsed {
        Ok(config) => {
            if let Err(e) = Setup::from_config(&config, None) {
                assert_one_safe_line(&e);
            }
        }
        Err(e) => assert_one_safe_line(&e),
    }
});
