fn main() {
    for path in std::env::args().skip(1) {
        let text = dossier::sanitize::clean_text(&std::fs::read_to_string(&path).unwrap());
        let mut set = std::collections::BTreeMap::new();
        for m in dossier::entities::extract(&text) {
            set.entry((m.kind, m.name.clone()))
                .or_insert_with(Vec::new)
                .push(text[m.start..m.end].to_owned());
        }
        println!("== {path}");
        for ((k, n), s) in set {
            println!(
                "{k:<13} {n:<40} {:?}",
                s.iter().collect::<std::collections::BTreeSet<_>>()
            );
        }
    }
}
