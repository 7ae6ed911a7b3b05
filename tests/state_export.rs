//! Export writes every article, entity and article–entity edge, as JSON
//! and as safely quoted CSV.

use std::sync::Arc;

use dossier::corpus::{Article, Block, BlockKind, Corpus, Source};
use dossier::entities::{EntityIndex, EntityKind, Mention};
use dossier::export::{self, Format};
use dossier::pipeline::Library;
use dossier::search::texts::Texts;

fn article(id: &str, title: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        author: Some("R. Okafor".into()),
        author_role: None,
        author_credit: None,
        date: Some("2024-03-02".into()),
        date_source: Some(dossier::corpus::DateSource::Metadata),
        source: None,
        url: None,
        text: text.into(),
        blocks: Block::new(BlockKind::Paragraph, 0..text.len())
            .into_iter()
            .collect(),
        end_matter: Vec::new(),
        links: Vec::new(),
        words: text.split_whitespace().count(),
        sources: vec![Source::new(format!("{id}.txt"), 1.0)],
    }
}

fn mention(text: &str, surface: &str, name: &str, kind: EntityKind) -> Mention {
    let start = text.find(surface).unwrap();
    Mention {
        start,
        end: start + surface.len(),
        name: name.to_owned().into(),
        kind,
        country: None,
        location: dossier::entities::Location::Text,
    }
}

fn library() -> Library {
    let t1 = "Brent crude rose as Norway cut output; Equinor said Norway would review.";
    let t2 = "The Lakers beat Boston, and Norway's coach watched.";
    let articles = vec![
        article("a1", "Oil, gas and \"Norway\"", t1),
        article("b2", "=HYPERLINK(\"x\") Lakers win", t2),
    ];
    let mentions = vec![
        vec![
            mention(t1, "Norway", "Norway", EntityKind::Country),
            mention(t1, "Equinor", "Equinor", EntityKind::Company),
            Mention {
                start: t1.rfind("Norway").unwrap(),
                end: t1.rfind("Norway").unwrap() + 6,
                name: "Norway".into(),
                kind: EntityKind::Country,
                country: None,
                location: dossier::entities::Location::Text,
            },
        ],
        vec![
            mention(t2, "Boston", "Boston", EntityKind::Place),
            mention(t2, "Norway", "Norway", EntityKind::Country),
        ],
    ];
    let texts = [t1, t2];
    Library {
        index: EntityIndex::build(&texts, mentions),
        corpus: Corpus {
            articles,
            warnings: Vec::new(),
        }
        .into(),
    }
}

#[test]
fn json_has_articles_entities_and_edges() {
    let mut out = Vec::new();
    export::write(&Texts::Library(Arc::new(library())), Format::Json, &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0]["id"], "a1");
    assert_eq!(articles[0]["paths"][0], "a1.txt");
    assert_eq!(articles[0]["entities"][0]["name"], "Norway");
    assert_eq!(articles[0]["entities"][0]["count"], 2);
    let norway = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Norway")
        .unwrap();
    assert_eq!(norway["articles"], 2);
    assert_eq!(norway["mentions"], 3);
    assert_eq!(norway["kind"], "country");
    let edges = v["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 4);
    assert!(edges.iter().any(|e| e["article_id"] == "b2"
        && e["entity"] == "Boston"
        && e["kind"] == "place"
        && e["count"] == 1));
}

#[test]
fn csv_is_the_quoted_edge_list() {
    let mut out = Vec::new();
    export::write(&Texts::Library(Arc::new(library())), Format::Csv, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "article_id,title,entity,kind,count");
    assert_eq!(lines.len(), 5);
    assert!(lines.contains(&"a1,\"Oil, gas and \"\"Norway\"\"\",Norway,country,2"));
    assert!(
        lines.contains(&"b2,\"'=HYPERLINK(\"\"x\"\") Lakers win\",Boston,place,1"),
        "{lines:?}"
    );
}
