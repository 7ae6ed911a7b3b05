//! Joining: how scored pairs of articles become threads.
//!
//! Groups are joined by average linkage: the two groups whose articles
//! resemble each other most *on average* (the sum of the scores across
//! them over the number of pairs across, a pair never scored counting as
//! nothing) are joined first, and joining stops when no two groups reach
//! the threshold. A story's articles mostly resemble each other, so a
//! third report that matches both of the first two joins them; a chain of
//! resemblances does not: two stories linked by one article that mentions
//! both stay apart, since most pairs across them score nothing. (Joining
//! on any single pair lets a thread grow by such chains: on real wire
//! news, an oil minister's statement, a market report that mentions it
//! and a Gulf ministers' meeting became one "story".)

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

/// A group being joined: its articles and, per neighbouring group, the
/// sum of the scores of the pairs across.
#[derive(Default)]
struct Group {
    members: Vec<u32>,
    links: HashMap<usize, f64>,
}

/// A proposed join of groups `x < y` whose average score was `average`
/// when they had `sizes` articles (a stale proposal no longer matches).
#[derive(PartialEq)]
struct Proposal {
    average: f64,
    x: usize,
    y: usize,
    sizes: (usize, usize),
}

impl Eq for Proposal {}

impl Ord for Proposal {
    fn cmp(&self, other: &Self) -> Ordering {
        self.average
            .total_cmp(&other.average)
            .then_with(|| (other.x, other.y).cmp(&(self.x, self.y)))
    }
}

impl PartialOrd for Proposal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn propose(groups: &[Group], a: usize, b: usize, sum: f64) -> Proposal {
    let (x, y) = (a.min(b), a.max(b));
    let sizes = (groups[x].members.len(), groups[y].members.len());
    Proposal {
        average: sum / (sizes.0 * sizes.1) as f64,
        x,
        y,
        sizes,
    }
}

/// Returns the groups of two or more articles that the scored pairs
/// `(a, b, score)` join at `threshold` by average linkage, each in article
/// order, the groups in order of their first article.
pub(super) fn join(scored: &[(u32, u32, f64)], threshold: f64) -> Vec<Vec<usize>> {
    // Two groups join only if some pair across them reaches the threshold
    // (an average never exceeds its largest term), so an article without
    // such a pair never joins anything: its pairs can be left out.
    let joinable: HashSet<u32> = scored
        .iter()
        .filter(|p| p.2 >= threshold)
        .flat_map(|p| [p.0, p.1])
        .collect();
    let mut group_of: HashMap<u32, usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for &(a, b, s) in scored {
        if a == b || !joinable.contains(&a) || !joinable.contains(&b) {
            continue;
        }
        let [x, y] = [a, b].map(|article| {
            *group_of.entry(article).or_insert_with(|| {
                groups.push(Group {
                    members: vec![article],
                    links: HashMap::new(),
                });
                groups.len() - 1
            })
        });
        *groups[x].links.entry(y).or_insert(0.0) += s;
        *groups[y].links.entry(x).or_insert(0.0) += s;
    }
    let mut heap: BinaryHeap<Proposal> = BinaryHeap::new();
    for (x, g) in groups.iter().enumerate() {
        for (&y, &sum) in &g.links {
            if x < y {
                heap.push(propose(&groups, x, y, sum));
            }
        }
    }
    while let Some(p) = heap.pop() {
        if p.average < threshold {
            break;
        }
        let current = (groups[p.x].members.len(), groups[p.y].members.len());
        if current != p.sizes || current.0 == 0 || current.1 == 0 {
            continue;
        }
        let (into, from) = if current.0 >= current.1 {
            (p.x, p.y)
        } else {
            (p.y, p.x)
        };
        let moved = std::mem::take(&mut groups[from]);
        groups[into].members.extend(moved.members);
        groups[into].links.remove(&from);
        for (z, sum) in moved.links {
            if z == into {
                continue;
            }
            groups[z].links.remove(&from);
            *groups[z].links.entry(into).or_insert(0.0) += sum;
            *groups[into].links.entry(z).or_insert(0.0) += sum;
        }
        let neighbours: Vec<(usize, f64)> = groups[into]
            .links
            .iter()
            .map(|(&z, &sum)| (z, sum))
            .collect();
        for (z, sum) in neighbours {
            heap.push(propose(&groups, into, z, sum));
        }
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_iter()
        .filter(|g| g.members.len() > 1)
        .map(|g| {
            let mut members: Vec<usize> = g.members.into_iter().map(|a| a as usize).collect();
            members.sort_unstable();
            members
        })
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_of_resemblances_is_not_one_story() {
        // Two pairs, linked by one resemblance across: 0.4 over 4 pairs.
        let groups = join(&[(0, 1, 0.5), (2, 3, 0.5), (1, 2, 0.4)], 0.2);
        assert_eq!(groups, vec![vec![0, 1], vec![2, 3]]);
        // A chain 0–1–2–3, each step alike, the ends not.
        let groups = join(&[(0, 1, 0.5), (1, 2, 0.3), (2, 3, 0.5)], 0.2);
        assert_eq!(groups, vec![vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn a_report_like_most_of_a_story_joins_it() {
        // 2 matches both 0 and 1: (0.3 + 0.25) / 2 pairs.
        let groups = join(&[(0, 1, 0.5), (1, 2, 0.3), (0, 2, 0.25)], 0.2);
        assert_eq!(groups, vec![vec![0, 1, 2]]);
        // Like one of them only: 0.3 / 2 pairs.
        let groups = join(&[(0, 1, 0.5), (1, 2, 0.3)], 0.2);
        assert_eq!(groups, vec![vec![0, 1]]);
    }

    #[test]
    fn groups_join_when_the_pairs_across_reach_the_threshold_on_average() {
        let all: Vec<(u32, u32, f64)> = (0..4u32)
            .flat_map(|a| (a + 1..4).map(move |b| (a, b, 0.5)))
            .collect();
        assert_eq!(join(&all, 0.2), vec![vec![0, 1, 2, 3]]);
        assert!(join(&all, 0.6).is_empty());
        // Two stories of two, three of the four pairs across alike.
        let pairs = [
            (0, 1, 0.9),
            (2, 3, 0.8),
            (1, 2, 0.3),
            (0, 3, 0.3),
            (0, 2, 0.3),
        ];
        assert_eq!(join(&pairs, 0.2), vec![vec![0, 1, 2, 3]]);
        assert_eq!(join(&pairs, 0.25), vec![vec![0, 1], vec![2, 3]]);
        assert!(join(&[], 0.2).is_empty());
    }
}
