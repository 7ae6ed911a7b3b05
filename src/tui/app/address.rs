//! The article's address (from the page, the feed entry or front matter):
//! `o` opens it in the browser and `y` copies it, both handed out as an
//! [`Effect`] for the event loop to perform. Only `http` and `https`
//! addresses leave the app; anything else is refused in the footer.

use super::{App, Effect};
use crate::tui::text;

impl App {
    /// Hands the selected article's address out as `effect`, or says in
    /// the footer why not.
    pub(super) fn hand_out_address(&mut self, effect: fn(String) -> Effect) {
        let url = self
            .current()
            .and_then(|i| self.library.as_ref()?.corpus.articles.get(i)?.url.clone());
        let Some(url) = url else {
            self.status = Some(text::NO_ADDRESS.into());
            return;
        };
        match web_address(&url) {
            Some(address) => {
                let done = effect(address.clone());
                self.status = Some(match done {
                    Effect::CopyUrl(_) => text::copied(&address),
                    _ => text::opening(&address),
                });
                self.effects.push(done);
            }
            None => self.status = Some(text::not_web_address(&url)),
        }
    }
}

/// Returns `url` in its normalised form (percent-encoded, nothing that
/// could be read as an option or a second argument) when it is an
/// absolute `http` or `https` address.
pub fn web_address(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    matches!(parsed.scheme(), "http" | "https")
        .then(|| parsed.host().is_some())
        .filter(|&has_host| has_host)
        .map(|_| parsed.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_web_addresses_pass() {
        assert_eq!(
            web_address(" https://news.example.org/a b ").as_deref(),
            Some("https://news.example.org/a%20b")
        );
        assert_eq!(
            web_address("http://x.example").as_deref(),
            Some("http://x.example/")
        );
        for refused in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ftp://x.example/",
            "-h",
            "/local/path",
            "news.example.org/a",
            "http://",
        ] {
            assert_eq!(web_address(refused), None, "{refused}");
        }
    }
}
