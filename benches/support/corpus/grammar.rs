//! The sentence grammar of the corpus generator, and its random numbers:
//! headlines, headings and sentences of one subject that name countries,
//! companies, people and places, drawn with a seeded splitmix64.

use std::fmt::Write as _;

use super::vocab::{COMPANIES, COUNTRIES, LINKS, MONTHS, OPENERS, PEOPLE, PLACES, ROLES, Subject};

/// Writes sentences of one subject.
pub(super) struct Writer<'a> {
    pub rng: &'a mut Rng,
    pub s: &'static Subject,
}

impl Writer<'_> {
    pub fn headline(&mut self) -> String {
        let mut t = match self.rng.below(4) {
            0 => format!(
                "{} {} {} as {} {}",
                self.actor(),
                self.rng.pick(self.s.verbs),
                strip_the(self.rng.pick(self.s.nouns)),
                strip_the(self.rng.pick(self.s.nouns)),
                self.rng
                    .pick(&["slows", "rises", "stalls", "returns", "falters", "surges"])
            ),
            1 => format!(
                "{} {} in {} after {} {}",
                capitalise(strip_the(self.rng.pick(self.s.nouns))),
                self.rng.pick(self.s.verbs),
                self.place(),
                self.rng.pick(self.s.adjectives),
                strip_the(self.rng.pick(self.s.nouns))
            ),
            2 => format!(
                "{} says {} will be {} by {}",
                self.rng.pick(COMPANIES),
                strip_the(self.rng.pick(self.s.nouns)),
                self.rng.pick(self.s.verbs),
                self.rng.pick(MONTHS)
            ),
            _ => format!(
                "How {} {} {}",
                self.rng.pick(COUNTRIES).0,
                self.rng.pick(self.s.verbs),
                strip_the(self.rng.pick(self.s.nouns))
            ),
        };
        if let Some(first) = t.get(..1) {
            let upper = first.to_uppercase();
            t.replace_range(..1, &upper);
        }
        t
    }

    pub fn heading(&mut self) -> String {
        match self.rng.below(3) {
            0 => capitalise(&format!(
                "{} {}",
                self.rng.pick(self.s.adjectives),
                strip_the(self.rng.pick(self.s.nouns))
            )),
            1 => format!(
                "What {} means for {}",
                strip_the(self.rng.pick(self.s.nouns)),
                self.place()
            ),
            _ => format!("The view from {}", self.place()),
        }
    }

    pub fn sentence(&mut self) -> String {
        let mut out = String::with_capacity(180);
        match self.rng.below(6) {
            0 => {
                let opener = self.rng.pick(OPENERS);
                let actor = self.actor();
                let verb = self.rng.pick(self.s.verbs);
                let object = self.object();
                let tail = self.tail();
                let _ = write!(out, "{opener} {actor} {verb} {object}{tail}.");
            }
            1 => {
                let a = self.actor();
                let v = self.rng.pick(self.s.verbs);
                let o = self.object();
                let link = self.rng.pick(LINKS);
                let b = self.actor();
                let v2 = self.rng.pick(self.s.verbs);
                let o2 = self.object();
                let _ = write!(out, "{} {v} {o}, {link} {b} {v2} {o2}.", capitalise(&a));
            }
            2 => {
                let a = self.actor();
                let v = self.rng.pick(self.s.verbs);
                let o = self.object();
                let person = self.rng.pick(PEOPLE);
                let (_, demonym, _) = self.rng.pick(COUNTRIES);
                let role = self.rng.pick(ROLES);
                let _ = write!(
                    out,
                    "“{} {v} {o}{},” said {person}, the {demonym} {role}.",
                    capitalise(&a),
                    self.tail()
                );
            }
            3 => {
                let n = self.number();
                let unit = self.rng.pick(self.s.units);
                let noun = strip_the(self.rng.pick(self.s.nouns));
                let v = self.rng.pick(self.s.verbs);
                let place = self.place();
                let month = self.rng.pick(MONTHS);
                let _ = write!(
                    out,
                    "Some {n} {unit} tied to {noun} were {v} in {place} in {month}."
                );
            }
            4 => {
                let city = self.place();
                let noun = self.rng.pick(self.s.nouns);
                let v = self.rng.pick(self.s.verbs);
                let month = self.rng.pick(MONTHS);
                let link = self.rng.pick(LINKS);
                let adj = self.rng.pick(self.s.adjectives);
                let noun2 = strip_the(self.rng.pick(self.s.nouns));
                let _ = write!(
                    out,
                    "Analysts in {city} expect {noun} to be {v} by {month}, {link} {adj} {noun2} remains a worry."
                );
            }
            _ => {
                let adj = self.rng.pick(self.s.adjectives);
                let noun = strip_the(self.rng.pick(self.s.nouns));
                let country = self.rng.pick(COUNTRIES).0;
                let v = self.rng.pick(self.s.verbs);
                let o = self.object();
                let tail = self.tail();
                let _ = write!(out, "The {adj} {noun} in {country} {v} {o}{tail}.");
            }
        }
        out
    }

    /// Who acts: a person with a role, a company, a government, a city.
    fn actor(&mut self) -> String {
        match self.rng.below(6) {
            0 => format!(
                "{} {}",
                capitalise(self.rng.pick(ROLES)),
                self.rng.pick(PEOPLE)
            ),
            1 => self.rng.pick(COMPANIES).to_string(),
            2 => format!("the {} government", self.rng.pick(COUNTRIES).1),
            3 => format!("officials in {}", self.rng.pick(COUNTRIES).2),
            4 => self.rng.pick(COUNTRIES).0.to_string(),
            _ => format!("{}'s board", self.rng.pick(COMPANIES)),
        }
    }

    fn object(&mut self) -> String {
        match self.rng.below(5) {
            0 => self.rng.pick(self.s.nouns).to_string(),
            1 => format!("{} {}", self.number(), self.rng.pick(self.s.units)),
            2 => format!(
                "{} {}",
                self.rng.pick(self.s.adjectives),
                strip_the(self.rng.pick(self.s.nouns))
            ),
            3 => format!("{} near {}", self.rng.pick(self.s.nouns), self.place()),
            _ => format!("plans for {}", strip_the(self.rng.pick(self.s.nouns))),
        }
    }

    fn tail(&mut self) -> String {
        match self.rng.below(7) {
            0 => format!(" in {}", self.place()),
            1 => format!(" in {}", self.rng.pick(MONTHS)),
            2 => format!(", according to {}", self.rng.pick(COMPANIES)),
            3 => format!(
                " despite {} {}",
                self.rng.pick(self.s.adjectives),
                strip_the(self.rng.pick(self.s.nouns))
            ),
            4 => format!(
                " for the {} time",
                self.rng.pick(&["first", "second", "third", "fourth"])
            ),
            _ => String::new(),
        }
    }

    fn place(&mut self) -> &'static str {
        if self.rng.chance(0.5) {
            self.rng.pick(PLACES)
        } else {
            self.rng.pick(COUNTRIES).2
        }
    }

    fn number(&mut self) -> String {
        match self.rng.below(3) {
            0 => (2 + self.rng.below(98)).to_string(),
            1 => format!("{}.{}", 1 + self.rng.below(20), self.rng.below(10)),
            _ => (100 * (1 + self.rng.below(90))).to_string(),
        }
    }
}

pub(super) fn strip_the(s: &str) -> &str {
    s.strip_prefix("the ").unwrap_or(s)
}

pub(super) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// splitmix64: tiny, fast and good enough for test data and benchmarks.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        dossier::corpus::shingles::mix(self.0)
    }

    /// Returns a number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}
