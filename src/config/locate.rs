//! Finding where in a TOML text an error is: its line, and the dotted key
//! (`section.key`) written on or above that line. Lines count from 1.

/// Returns the 1-based line containing byte `offset`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..end]).count() + 1
}

/// Returns the dotted key whose entry contains byte `offset`: the nearest
/// `key =` at or above that line (a value can span lines), prefixed by the
/// table header above it. An offset on a header line names the table.
pub fn key_at(text: &str, offset: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let here = line_of(text, offset).checked_sub(1)?;
    let mut key = None;
    for i in (0..=here.min(lines.len().checked_sub(1)?)).rev() {
        let line = lines[i].trim();
        if let Some(table) = header(line) {
            return Some(match key {
                Some(k) if !table.is_empty() => format!("{table}.{k}"),
                Some(k) => k,
                None => table,
            });
        }
        if key.is_none()
            && let Some(k) = key_of(line)
        {
            key = Some(k);
        }
    }
    key
}

/// Returns the line of `key =` inside `[table]`, if written.
pub fn line_of_key(text: &str, table: &str, key: &str) -> Option<usize> {
    let mut current = String::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if let Some(t) = header(line) {
            current = t;
        } else if current == table && key_of(line).as_deref() == Some(key) {
            return Some(i + 1);
        }
    }
    None
}

/// Returns the line of `key` inside `[table]` as the TOML parser sees it,
/// however it is written (quoted with escapes, dotted, an inline table);
/// `None` when the text does not parse or has no such entry.
pub fn line_of_entry(text: &str, table: &str, key: &str) -> Option<usize> {
    use toml::de::{DeTable, DeValue};
    let doc = DeTable::parse(text).ok()?;
    let (_, value) = doc.get_ref().iter().find(|(k, _)| k.get_ref() == table)?;
    let DeValue::Table(entries) = value.get_ref() else {
        return None;
    };
    let (found, _) = entries.iter().find(|(k, _)| k.get_ref() == key)?;
    Some(line_of(text, found.span().start))
}

/// Returns the table name of a `[table]` or `[[table]]` header line.
fn header(line: &str) -> Option<String> {
    let inner = line.strip_prefix('[')?;
    let inner = inner.strip_prefix('[').unwrap_or(inner);
    let end = inner.find(']')?;
    Some(unquote_path(inner[..end].trim()))
}

/// Returns the key of a `key = value` line (bare, quoted or dotted).
fn key_of(line: &str) -> Option<String> {
    if line.starts_with('#') {
        return None;
    }
    let eq = key_end(line)?;
    let key = line[..eq].trim();
    (!key.is_empty()).then(|| unquote_path(key))
}

/// Returns the byte index of the `=` that ends a key, skipping quoted parts.
fn key_end(line: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '=') => return Some(i),
            (None, c) if !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ' | '\t')) => {
                return None;
            }
            _ => {}
        }
    }
    None
}

fn unquote_path(path: &str) -> String {
    path.split('.')
        .map(|p| p.trim().trim_matches(|c| c == '"' || c == '\''))
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# c\n[layout]\nlist_width = 5\n\n[keys]\nquit = [\n  \"q\",\n  3,\n]\n";

    #[test]
    fn finds_line_and_key() {
        let at = TEXT.find('5').unwrap();
        assert_eq!(line_of(TEXT, at), 3);
        assert_eq!(key_at(TEXT, at).as_deref(), Some("layout.list_width"));
        let three = TEXT.find("3,").unwrap();
        assert_eq!(line_of(TEXT, three), 8);
        assert_eq!(key_at(TEXT, three).as_deref(), Some("keys.quit"));
        assert_eq!(line_of_key(TEXT, "layout", "list_width"), Some(3));
        assert_eq!(line_of(TEXT, usize::MAX), TEXT.lines().count() + 1);
    }

    #[test]
    fn finds_an_entry_however_its_key_is_written() {
        let text = "[keys]
up = [\"k\"]
\"fl\\u001by\" = [\"f\"]\n";
        assert_eq!(line_of_entry(text, "keys", "fl\u{1b}y"), Some(3));
        let inline = "# c\nkeys = { up = [\"k\"],\n  quit = [] }\n";
        assert_eq!(line_of_entry(inline, "keys", "up"), Some(2));
        assert_eq!(line_of_entry(inline, "keys", "fly"), None);
    }
}
