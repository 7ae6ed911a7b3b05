//! Identity: when two names in two articles are one entity. Most kinds
//! are one entity by name (see `build`); a company is one whatever legal
//! form ends its name ("San Miguel Corp" and "San Miguel", "Harwick Foods
//! Plc" and "Harwick Foods" are two firms, not four), which is how wires
//! and their rewrites write a firm from one story to the next. The name
//! shown is the fullest form seen (see [`better_name`]).

use crate::entities::cues;

/// Returns the name a company called `name` is known by across
/// articles: `name` less the legal forms that end it, and the "and"
/// before them ("Morgan Stanley and Co Inc" is known as "Morgan
/// Stanley"); a name of legal forms only keeps its first word.
pub(super) fn company_identity(name: &str) -> &str {
    let mut kept = name.trim_end();
    while let Some((before, last)) = kept.rsplit_once(' ') {
        let bare = last.trim_end_matches(['.', ',']);
        if !cues::is_legal_form(bare) && !matches!(bare, "and" | "&") {
            break;
        }
        kept = before.trim_end_matches([' ', ',']);
    }
    kept
}

/// Returns true if and only if `new` is a better name to show for an
/// entity than `old`, which was seen first: written in ordinary case
/// rather than in capitals, then longer (the legal form included).
pub(super) fn better_name(new: &str, old: &str) -> bool {
    let shouted = |s: &str| !s.chars().any(char::is_lowercase);
    (!shouted(new), new.len()) > (!shouted(old), old.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_company_is_known_without_its_legal_form() {
        for (name, known_as) in [
            ("San Miguel Corp", "San Miguel"),
            ("San Miguel", "San Miguel"),
            ("San Miguel Corp.", "San Miguel"),
            ("Morgan Stanley and Co Inc", "Morgan Stanley"),
            ("Morgan Stanley & Co., Inc.", "Morgan Stanley"),
            ("Harwick Foods PLC", "Harwick Foods"),
            ("Ardent Incorporated", "Ardent"),
            ("Ardent Corporation", "Ardent"),
            // Legal forms alone, or a sector word, stay.
            ("Co Inc", "Co"),
            ("Kestrel Mining", "Kestrel Mining"),
        ] {
            assert_eq!(company_identity(name), known_as, "{name}");
        }
    }

    #[test]
    fn the_name_shown_is_in_ordinary_case_and_the_fullest() {
        assert!(better_name("San Miguel Corp", "San Miguel"));
        assert!(!better_name("San Miguel", "San Miguel Corp"));
        assert!(better_name("San Miguel", "SAN MIGUEL CORP"));
        assert!(!better_name("SAN MIGUEL CORP", "San Miguel"));
        assert!(!better_name("Fidata Corp", "Fidata Corp"));
    }
}
