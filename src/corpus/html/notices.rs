//! Consent notices: the cookie and consent banners that nearly every saved
//! page carries ("We use cookies to improve your experience. Accept all").
//! They are removed from the parsed page before its article is found,
//! because readability keeps a short notice that sits beside a short
//! article, and turns its `<div>` into a `<p>` without the class that
//! named it. A notice is removed only on three pieces of evidence (see
//! [`is_consent_notice`]); when unsure, the text stays.

use dom_query::{Document, NodeRef};

/// A consent notice is at most this many letters: one to three sentences
/// and its buttons (about 120 words).
const NOTICE_LETTERS: usize = 600;

/// Elements whose class or id may name a notice (the `i` flag: any case).
const NAMED: &str = "[class*=cookie i], [id*=cookie i], [class*=consent i], [id*=consent i], \
                     [class*=gdpr i], [id*=gdpr i]";

/// Words of a notice's request to the reader.
const ASKS: &[&str] = &[
    "accept",
    "agree",
    "manage",
    "privacy",
    "policy",
    "settings",
    "preferences",
];

/// Elements that hold a page or its article, never a notice, whatever
/// their class says (`<body class="cookies-accepted">`).
const HOLDERS: &[&str] = &["html", "body", "main", "article"];

/// Removes every consent notice from `doc`.
pub fn remove(doc: &Document) {
    let named = doc.select(NAMED);
    for node in named.nodes() {
        let holder = node
            .node_name()
            .is_some_and(|name| HOLDERS.contains(&name.as_ref()));
        if !holder && is_consent_notice(node) {
            node.remove_from_parent();
        }
    }
}

/// Returns true if and only if `node`, whose class or id names a cookie,
/// consent or GDPR element, is a notice: its text says "cookie" or
/// "consent" and asks the reader something (accept, agree, manage,
/// privacy, a policy, settings or preferences), and it is short. A
/// paragraph about baking cookies in a `cookie-tips` block asks nothing,
/// and stays.
fn is_consent_notice(node: &NodeRef<'_>) -> bool {
    let text = node.text();
    if super::render::count_letters(&text) > NOTICE_LETTERS {
        return false;
    }
    let text = text.to_lowercase();
    let says = ["cookie", "consent"].iter().any(|w| text.contains(w));
    says && ASKS.iter().any(|w| text.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of each element left in the body, its spaces folded.
    fn blocks_left(html: &str) -> Vec<String> {
        let doc = Document::from(html);
        remove(&doc);
        doc.select("body > *")
            .iter()
            .map(|block| {
                block
                    .text()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn a_cookie_notice_goes_and_blocks_about_cookies_or_consent_stay() {
        let left = blocks_left(
            "<html><body>\
             <div class=\"cookie\">We use cookies to improve your experience. Accept all</div>\
             <div id=\"CookieConsent\"><p>This site uses cookies.</p><button>Manage settings</button></div>\
             <section class=\"gdpr-popup\">We and our partners use cookies. See our privacy policy.</section>\
             <p>The harbour board approved the dredging plan on Friday.</p>\
             <div class=\"cookie-tips\"><p>Bake the cookies for twelve minutes, until the edges brown.</p></div>\
             <div class=\"consent-row\"><p>Residents must give their consent before the council enters a garden.</p></div>\
             <p class=\"note\">Accept our apologies: the cookie stall closes at noon.</p>\
             </body></html>",
        );
        assert_eq!(
            left,
            [
                "The harbour board approved the dredging plan on Friday.",
                "Bake the cookies for twelve minutes, until the edges brown.",
                "Residents must give their consent before the council enters a garden.",
                "Accept our apologies: the cookie stall closes at noon."
            ]
        );
    }

    #[test]
    fn a_page_whose_body_is_named_for_cookies_keeps_its_short_article() {
        let left = blocks_left(
            "<html><body class=\"cookies-accepted\"><article id=\"consent-law\">\
             <p>MPs agree to review the cookie consent rules and the privacy policy of councils.</p>\
             </article></body></html>",
        );
        assert_eq!(
            left,
            ["MPs agree to review the cookie consent rules and the privacy policy of councils."]
        );
    }

    #[test]
    fn a_long_block_named_cookie_is_kept_whatever_it_says() {
        let long = "Accept the committee's view on cookie prices, the report says. ".repeat(20);
        let left = blocks_left(&format!(
            "<html><body><div class=\"cookie-story\"><p>{long}</p></div></body></html>"
        ));
        assert_eq!(left, [long.trim()]);
    }
}
