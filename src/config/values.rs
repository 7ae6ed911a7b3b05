//! Validated configuration values: colours, pane widths, shares and byte
//! sizes. Each rejects a bad value while it is being read, so the error
//! carries the position of the offending value in the file.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

/// A terminal colour: one of the 16 named ANSI colours (or the terminal's
/// default, `reset`), or a 24-bit `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Color {
    Named(NamedColor),
    Rgb(u8, u8, u8),
}

/// The named colours, spelled as ratatui spells them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamedColor {
    Reset,
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

const NAMED: [(&str, NamedColor); 17] = [
    ("reset", NamedColor::Reset),
    ("black", NamedColor::Black),
    ("red", NamedColor::Red),
    ("green", NamedColor::Green),
    ("yellow", NamedColor::Yellow),
    ("blue", NamedColor::Blue),
    ("magenta", NamedColor::Magenta),
    ("cyan", NamedColor::Cyan),
    ("gray", NamedColor::Gray),
    ("darkgray", NamedColor::DarkGray),
    ("lightred", NamedColor::LightRed),
    ("lightgreen", NamedColor::LightGreen),
    ("lightyellow", NamedColor::LightYellow),
    ("lightblue", NamedColor::LightBlue),
    ("lightmagenta", NamedColor::LightMagenta),
    ("lightcyan", NamedColor::LightCyan),
    ("white", NamedColor::White),
];

impl Color {
    /// Parses `#rrggbb` or a colour name; names ignore case, `-`, `_` and
    /// spaces, and accept "grey" for "gray".
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if let Some(hex) = s.strip_prefix('#') {
            let channel = |i: usize| {
                hex.get(i..i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            };
            return match (hex.len(), channel(0), channel(2), channel(4)) {
                (6, Some(r), Some(g), Some(b)) => Ok(Color::Rgb(r, g, b)),
                _ => Err(format!(
                    "\"{s}\" is not a colour: use #rrggbb with six hex digits"
                )),
            };
        }
        let folded: String = s
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .replace("grey", "gray");
        NAMED
            .iter()
            .find(|(name, _)| *name == folded)
            .map(|&(_, c)| Color::Named(c))
            .ok_or_else(|| {
                let names: Vec<&str> = NAMED.iter().map(|(n, _)| *n).collect();
                format!(
                    "\"{s}\" is not a colour: use #rrggbb or one of {}",
                    names.join(", ")
                )
            })
    }
}

impl TryFrom<String> for Color {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Color::parse(&s)
    }
}

impl From<Color> for String {
    fn from(c: Color) -> String {
        c.to_string()
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Color::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
            Color::Named(n) => {
                let name = NAMED.iter().find(|(_, c)| c == n).map_or("reset", |p| p.0);
                f.write_str(name)
            }
        }
    }
}

impl From<Color> for ratatui::style::Color {
    fn from(c: Color) -> Self {
        use ratatui::style::Color as C;
        match c {
            Color::Rgb(r, g, b) => C::Rgb(r, g, b),
            Color::Named(n) => match n {
                NamedColor::Reset => C::Reset,
                NamedColor::Black => C::Black,
                NamedColor::Red => C::Red,
                NamedColor::Green => C::Green,
                NamedColor::Yellow => C::Yellow,
                NamedColor::Blue => C::Blue,
                NamedColor::Magenta => C::Magenta,
                NamedColor::Cyan => C::Cyan,
                NamedColor::Gray => C::Gray,
                NamedColor::DarkGray => C::DarkGray,
                NamedColor::LightRed => C::LightRed,
                NamedColor::LightGreen => C::LightGreen,
                NamedColor::LightYellow => C::LightYellow,
                NamedColor::LightBlue => C::LightBlue,
                NamedColor::LightMagenta => C::LightMagenta,
                NamedColor::LightCyan => C::LightCyan,
                NamedColor::White => C::White,
            },
        }
    }
}

/// A pane width in percent of the terminal, within [`Percent::MIN`] and
/// [`Percent::MAX`] so that no pane can squeeze the reading pane away.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u16")]
pub struct Percent(u16);

impl Percent {
    pub const MIN: u16 = 10;
    pub const MAX: u16 = 60;

    pub fn new(value: u16) -> Result<Self, String> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Self(value))
        } else {
            Err(format!(
                "{value} is out of range: a pane width is {} to {} percent",
                Self::MIN,
                Self::MAX
            ))
        }
    }

    /// Returns `value` clamped into the allowed range.
    pub const fn saturating(value: u16) -> Self {
        if value < Self::MIN {
            Self(Self::MIN)
        } else if value > Self::MAX {
            Self(Self::MAX)
        } else {
            Self(value)
        }
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<i64> for Percent {
    type Error = String;
    fn try_from(v: i64) -> Result<Self, String> {
        let narrowed = u16::try_from(v).map_err(|_| {
            format!(
                "{v} is out of range: a pane width is {} to {} percent",
                Self::MIN,
                Self::MAX
            )
        })?;
        Self::new(narrowed)
    }
}

impl From<Percent> for u16 {
    fn from(p: Percent) -> u16 {
        p.0
    }
}

/// A share between 0 and 1 inclusive.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Share(f64);

impl Share {
    pub fn new(value: f64) -> Result<Self, String> {
        if (0.0..=1.0).contains(&value) {
            Ok(Self(value))
        } else {
            Err(format!("{value} is out of range: use a share from 0 to 1"))
        }
    }

    /// Returns `value` clamped into 0..=1 (0 for NaN).
    pub fn saturating(value: f64) -> Self {
        if value.is_nan() {
            Self(0.0)
        } else {
            Self(value.clamp(0.0, 1.0))
        }
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Share {
    type Error = String;
    fn try_from(v: f64) -> Result<Self, String> {
        Self::new(v)
    }
}

impl From<Share> for f64 {
    fn from(s: Share) -> f64 {
        s.0
    }
}

/// A size in bytes, written as a number of bytes or with a binary suffix:
/// `"512K"`, `"16M"`, `"1G"` (an optional trailing `B` or `iB` is allowed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(into = "u64")]
pub struct ByteSize(pub u64);

impl ByteSize {
    /// Parses a byte count with an optional K, M or G suffix.
    pub fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let upper = t.to_ascii_uppercase();
        let digits = upper
            .trim_end_matches("IB")
            .trim_end_matches('B')
            .trim_end();
        let (number, shift) = match digits.chars().last() {
            Some('K') => (&digits[..digits.len() - 1], 10),
            Some('M') => (&digits[..digits.len() - 1], 20),
            Some('G') => (&digits[..digits.len() - 1], 30),
            _ => (digits, 0),
        };
        number
            .trim()
            .parse::<u64>()
            .ok()
            .and_then(|n| n.checked_mul(1 << shift))
            .map(ByteSize)
            .ok_or_else(|| format!("\"{t}\" is not a size: use bytes or a number with K, M or G"))
    }
}

impl From<ByteSize> for u64 {
    fn from(b: ByteSize) -> u64 {
        b.0
    }
}

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct SizeVisitor;
        impl Visitor<'_> for SizeVisitor {
            type Value = ByteSize;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a size such as \"16M\" or a number of bytes")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ByteSize, E> {
                u64::try_from(v)
                    .map(ByteSize)
                    .map_err(|_| E::custom(format!("{v} is not a size: it is negative")))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ByteSize, E> {
                Ok(ByteSize(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ByteSize, E> {
                ByteSize::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_any(SizeVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_names_and_hex() {
        assert_eq!(
            Color::parse("Dark-Grey"),
            Ok(Color::Named(NamedColor::DarkGray))
        );
        assert_eq!(Color::parse("#0a0B0c"), Ok(Color::Rgb(10, 11, 12)));
        assert!(Color::parse("#0a0b0").is_err());
        assert!(Color::parse("#0a0b0cc").is_err());
        assert!(Color::parse("#é0a0b0").is_err());
        assert!(Color::parse("chartreuse").is_err());
        for (name, _) in NAMED {
            let c = Color::parse(name).unwrap();
            assert_eq!(Color::parse(&c.to_string()), Ok(c));
        }
    }

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(ByteSize::parse("16M"), Ok(ByteSize(16 << 20)));
        assert_eq!(ByteSize::parse("512 KiB"), Ok(ByteSize(512 << 10)));
        assert_eq!(ByteSize::parse("2g"), Ok(ByteSize(2 << 30)));
        assert_eq!(ByteSize::parse("100"), Ok(ByteSize(100)));
        assert!(ByteSize::parse("lots").is_err());
        assert!(ByteSize::parse("").is_err());
        assert!(ByteSize::parse("99999999999999G").is_err());
    }

    #[test]
    fn ranges_are_enforced() {
        assert!(Percent::new(Percent::MIN).is_ok());
        assert!(Percent::new(Percent::MAX + 1).is_err());
        assert!(Percent::try_from(-5).is_err());
        assert!(Share::new(1.0).is_ok());
        assert!(Share::new(1.01).is_err());
        assert!(Share::new(f64::NAN).is_err());
    }
}
