//! Names of parliamentary news as British and Commonwealth papers print
//! them: parties called by a plain word ("Labour", "the Tory leader"),
//! chambers and papers the lists know, peers by their title, a body
//! before its officer's title, and the towns of addresses and prisons.
//! Each text is written for its test.

use crate::entities_support;

use dossier::entities::{EntityKind, extract};
use entities_support::named;

#[test]
fn a_chamber_and_a_paper_the_lists_know() {
    let text = "The bill on school meals passed the House of Commons on Tuesday, \
                the minister told The Times. The Times Square screens showed the vote.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Organization),
        ["House of Commons"]
    );
    assert_eq!(named(&found, EntityKind::Company), ["The Times"]);
    // "The Times Square": the place's longer name wins over the paper's.
    assert!(
        named(&found, EntityKind::Place).contains(&"Times Square".to_owned()),
        "{found:?}"
    );
}
