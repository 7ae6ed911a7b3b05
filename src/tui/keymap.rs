//! The keymap: the one place where keys become [`Action`]s.
//!
//! Bindable commands form a table of (stable snake_case name, action,
//! default keys, help text); a config file can rebind any of them by name
//! with key specs such as `"j"`, `"down"`, `"ctrl-c"`, `"shift-tab"`,
//! `"pagedown"`, `"space"` or `"?"`. The help screen is generated from the
//! same table. The `/` prompt has its own fixed keys: while it is open,
//! printable characters are text.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// Which keys apply: the prompt captures text, everything else uses the
/// bindable table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Prompt,
}

/// One bindable command: stable name, the action, default keys, help text.
pub struct Command {
    pub name: &'static str,
    pub action: Action,
    pub defaults: &'static [&'static str],
    pub help: &'static str,
}

const fn cmd(
    name: &'static str,
    action: Action,
    defaults: &'static [&'static str],
    help: &'static str,
) -> Command {
    Command {
        name,
        action,
        defaults,
        help,
    }
}

/// Every bindable command, in help order.
pub const BINDINGS: &[Command] = &[
    cmd("up", Action::Up, &["k", "up"], "move up / scroll up"),
    cmd(
        "down",
        Action::Down,
        &["j", "down"],
        "move down / scroll down",
    ),
    cmd(
        "page_down",
        Action::PageDown,
        &["space", "pagedown", "ctrl-d"],
        "page down",
    ),
    cmd(
        "page_up",
        Action::PageUp,
        &["b", "pageup", "ctrl-u"],
        "page up",
    ),
    cmd("top", Action::Top, &["g", "home"], "go to the top"),
    cmd("bottom", Action::Bottom, &["G", "end"], "go to the bottom"),
    cmd(
        "focus_next",
        Action::FocusNext,
        &["tab", "l", "right"],
        "focus the next pane",
    ),
    cmd(
        "focus_prev",
        Action::FocusPrev,
        &["shift-tab", "h", "left"],
        "focus the previous pane",
    ),
    cmd(
        "select",
        Action::Select,
        &["enter"],
        "open article / filter by entity",
    ),
    cmd(
        "back",
        Action::Back,
        &["esc"],
        "close popup / clear the filter",
    ),
    cmd(
        "search",
        Action::Search,
        &["/"],
        "filter by entity or title",
    ),
    cmd(
        "next_match",
        Action::NextMatch,
        &["n"],
        "next article naming the entity",
    ),
    cmd(
        "prev_match",
        Action::PrevMatch,
        &["N"],
        "previous article naming the entity",
    ),
    cmd(
        "toggle_sidebar",
        Action::ToggleSidebar,
        &["e"],
        "show or hide the entity pane",
    ),
    cmd(
        "toggle_entity_scope",
        Action::ToggleEntityScope,
        &["c"],
        "entities: this article / whole corpus",
    ),
    cmd(
        "toggle_read",
        Action::ToggleRead,
        &["m"],
        "mark read / unread",
    ),
    cmd("toggle_star", Action::ToggleStar, &["s"], "star / unstar"),
    cmd(
        "show_thread",
        Action::ShowThread,
        &["t"],
        "list this article's thread (same story), oldest first",
    ),
    cmd(
        "cycle_sort",
        Action::CycleSort,
        &["S"],
        "order: files → newest → oldest → title → source → most entities",
    ),
    cmd(
        "show_related",
        Action::ShowRelated,
        &["r"],
        "list the articles sharing most entities with this one",
    ),
    cmd(
        "cycle_view",
        Action::CycleView,
        &["v"],
        "show all / unread only / starred only",
    ),
    cmd(
        "open_url",
        Action::OpenUrl,
        &["o"],
        "open the article's address in the browser",
    ),
    cmd(
        "copy_url",
        Action::CopyUrl,
        &["y"],
        "copy the article's address (OSC 52)",
    ),
    cmd("warnings", Action::Warnings, &["w"], "show load warnings"),
    cmd("help", Action::Help, &["?", "f1"], "show this help"),
    cmd("quit", Action::Quit, &["q"], "quit (or close a popup)"),
    cmd("force_quit", Action::ForceQuit, &["ctrl-c"], "quit at once"),
];

/// A key with its modifiers, as written in a key spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeySpec {
    code: KeyCode,
    ctrl: bool,
    alt: bool,
}

impl KeySpec {
    /// Parses a key spec: a single character, or a named key (`up`, `enter`,
    /// `space`, `f1`...), optionally prefixed with `ctrl-`, `alt-` or (for
    /// `tab` only) `shift-`.
    pub fn parse(spec: &str) -> Option<Self> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = spec;
        let mut shift = false;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.len() > 1 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.len() > 1 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else if rest.len() > 1 && lower.starts_with("shift-") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if shift => KeyCode::Char(c.to_uppercase().next().unwrap_or(c)),
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "tab" if shift => KeyCode::BackTab,
                "backtab" => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "space" => KeyCode::Char(' '),
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                f if f.starts_with('f') => {
                    KeyCode::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?)
                }
                _ => return None,
            },
        };
        if shift && !matches!(code, KeyCode::BackTab | KeyCode::Char(_)) {
            return None;
        }
        Some(Self { code, ctrl, alt })
    }

    /// Returns true if and only if `key` is this key. Shift is part of the
    /// character (`G`, `?`), so it is ignored for characters.
    fn matches(self, key: &KeyEvent) -> bool {
        let code = match key.code {
            KeyCode::Char(c) if self.ctrl || self.alt => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        let want = match self.code {
            KeyCode::Char(c) if self.ctrl || self.alt => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        code == want
            && key.modifiers.contains(KeyModifiers::CONTROL) == self.ctrl
            && key.modifiers.contains(KeyModifiers::ALT) == self.alt
    }

    /// Returns the spec as shown in help ("ctrl-c", "space", "?").
    pub fn label(self) -> String {
        let key = match self.code {
            KeyCode::Char(' ') => "space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::BackTab => "shift-tab".to_owned(),
            KeyCode::Tab => "tab".to_owned(),
            KeyCode::Enter => "enter".to_owned(),
            KeyCode::Esc => "esc".to_owned(),
            KeyCode::Backspace => "backspace".to_owned(),
            KeyCode::Delete => "delete".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => "pageup".to_owned(),
            KeyCode::PageDown => "pagedown".to_owned(),
            KeyCode::Home => "home".to_owned(),
            KeyCode::End => "end".to_owned(),
            KeyCode::F(n) => format!("f{n}"),
            other => format!("{other:?}").to_lowercase(),
        };
        let mut out = String::new();
        if self.ctrl {
            out.push_str("ctrl-");
        }
        if self.alt {
            out.push_str("alt-");
        }
        out + &key
    }
}

/// The keys bound to each command.
#[derive(Clone, Debug)]
pub struct Keymap {
    keys: Vec<Vec<KeySpec>>,
}

impl Default for Keymap {
    fn default() -> Self {
        let keys = BINDINGS
            .iter()
            .map(|c| {
                c.defaults
                    .iter()
                    .filter_map(|s| KeySpec::parse(s))
                    .collect()
            })
            .collect();
        Self { keys }
    }
}

/// A binding the keymap cannot take: the action it was written under (so
/// the config's line can be found) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BindingError {
    pub action: String,
    pub message: String,
}

impl std::fmt::Display for BindingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BindingError {}

impl Keymap {
    /// Returns the default keymap with the named commands rebound. A key
    /// given to a command is taken away from every command not named.
    /// Errors name the unknown action, the bad key, or the key bound twice.
    pub fn with_overrides(
        overrides: &BTreeMap<String, Vec<String>>,
    ) -> Result<Keymap, BindingError> {
        let mut map = Keymap::default();
        let mut claimed: Vec<(KeySpec, &str)> = Vec::new();
        for (name, specs) in overrides {
            let error = |message: String| BindingError {
                action: name.clone(),
                message,
            };
            let slot = BINDINGS
                .iter()
                .position(|c| c.name == name)
                .ok_or_else(|| error(format!("unknown action '{name}' in keybindings")))?;
            let mut keys = Vec::new();
            for spec in specs {
                let key = KeySpec::parse(spec)
                    .ok_or_else(|| error(format!("action '{name}': unknown key '{spec}'")))?;
                if let Some((_, other)) = claimed.iter().find(|(k, _)| *k == key) {
                    return Err(error(format!(
                        "key '{spec}' is bound to both '{other}' and '{name}'"
                    )));
                }
                claimed.push((key, name));
                keys.push(key);
            }
            map.keys[slot] = keys;
        }
        for (slot, command) in BINDINGS.iter().enumerate() {
            if !overrides.contains_key(command.name) {
                map.keys[slot].retain(|k| !claimed.iter().any(|(c, _)| c == k));
            }
        }
        map.check_a_way_out(overrides)?;
        Ok(map)
    }

    /// Refuses a keymap in which no key quits: `quit` and `force_quit`
    /// both unbound, whether emptied or their keys given to other
    /// commands. The error names the binding that took the last key.
    fn check_a_way_out(
        &self,
        overrides: &BTreeMap<String, Vec<String>>,
    ) -> Result<(), BindingError> {
        const QUITTING: [&str; 2] = ["quit", "force_quit"];
        let bound = |name: &str| !self.key_labels(name).is_empty();
        if QUITTING.iter().any(|n| bound(n)) {
            return Ok(());
        }
        let default_quit_keys: Vec<KeySpec> = BINDINGS
            .iter()
            .filter(|c| QUITTING.contains(&c.name))
            .flat_map(|c| c.defaults.iter().filter_map(|s| KeySpec::parse(s)))
            .collect();
        let took = overrides.iter().find(|(name, specs)| {
            !QUITTING.contains(&name.as_str())
                && specs
                    .iter()
                    .filter_map(|s| KeySpec::parse(s))
                    .any(|k| default_quit_keys.contains(&k))
        });
        let culprit = took
            .map(|(name, _)| name.clone())
            .or_else(|| {
                QUITTING
                    .iter()
                    .rev()
                    .find(|n| overrides.contains_key(**n))
                    .map(|n| (*n).to_owned())
            })
            .unwrap_or_else(|| "quit".to_owned());
        Err(BindingError {
            message: format!(
                "'{culprit}' leaves no key to leave the reader: keep a key for 'quit' or 'force_quit'"
            ),
            action: culprit,
        })
    }

    /// Returns the action for `key` in `mode`, if any.
    pub fn resolve(&self, key: &KeyEvent, mode: Mode) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        match mode {
            Mode::Prompt => Self::prompt_key(key),
            Mode::Normal => BINDINGS
                .iter()
                .zip(&self.keys)
                .find(|(_, keys)| keys.iter().any(|k| k.matches(key)))
                .map(|(c, _)| c.action.clone()),
        }
    }

    fn prompt_key(key: &KeyEvent) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        Some(match key.code {
            KeyCode::Char('c') if ctrl => Action::ForceQuit,
            KeyCode::Char('u') if ctrl => Action::PromptClear,
            KeyCode::Char('p') if ctrl => Action::PromptUp,
            KeyCode::Char('n') if ctrl => Action::PromptDown,
            // Alt-chars are a stray escape glued to a key, not text.
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                Action::PromptInput(c)
            }
            KeyCode::Esc => Action::PromptCancel,
            KeyCode::Enter => Action::PromptSubmit,
            KeyCode::Backspace => Action::PromptBackspace,
            KeyCode::Up | KeyCode::BackTab => Action::PromptUp,
            KeyCode::Down | KeyCode::Tab => Action::PromptDown,
            _ => return None,
        })
    }

    /// Returns the labels of the keys bound to the named command.
    pub fn key_labels(&self, name: &str) -> Vec<String> {
        BINDINGS
            .iter()
            .position(|c| c.name == name)
            .map(|slot| self.keys[slot].iter().map(|k| k.label()).collect())
            .unwrap_or_default()
    }

    /// Returns the first key of the named command, for hints ("j").
    pub fn keys_for(&self, name: &str) -> String {
        self.key_labels(name).into_iter().next().unwrap_or_default()
    }

    /// Returns the help rows (keys, description), one per bound command,
    /// followed by the prompt's fixed keys.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(String, &'static str)> = BINDINGS
            .iter()
            .zip(&self.keys)
            .filter(|(_, keys)| !keys.is_empty())
            .map(|(c, keys)| {
                let labels: Vec<String> = keys.iter().map(|k| k.label()).collect();
                (labels.join(" "), c.help)
            })
            .collect();
        rows.extend(PROMPT_HELP.iter().map(|(k, h)| ((*k).to_owned(), *h)));
        rows
    }
}

/// The `/` prompt's fixed keys, for the help screen.
const PROMPT_HELP: &[(&str, &str)] = &[
    ("in /: ↑ ↓ tab", "choose a suggestion"),
    ("in /: enter", "pick it, or apply the typed filter"),
    ("in /: esc", "cancel"),
    ("in /: ctrl-u", "clear the query"),
];
