//! Joining: how pairs of articles that report one story become threads.
//!
//! Pairs are taken strongest first, and two groups become one only if at
//! least half of the pairs across them match: a story's articles mostly
//! resemble each other. Joining on any single pair instead lets a thread
//! grow by a chain of resemblances: on a week of real wire news, one oil
//! minister's statement, an interbank market report that mentions it and a
//! Gulf ministers' meeting became one "story". (Asking for every pair
//! across would split a story whose third report matches only one of the
//! first two.)

use std::collections::{HashMap, HashSet};

/// Returns the groups of two or more articles that the pairs `(a, b, score)`
/// (each one story by itself) join, each in article order.
pub(super) fn join(scored: &[(u32, u32, f64)]) -> Vec<Vec<usize>> {
    let linked: HashSet<(u32, u32)> = scored
        .iter()
        .map(|&(a, b, _)| (a.min(b), a.max(b)))
        .collect();
    let is_linked = |x: u32, y: u32| linked.contains(&(x.min(y), x.max(y)));
    let mut order: Vec<(u32, u32, f64)> = scored.to_vec();
    order.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut group_of: HashMap<u32, usize> = HashMap::new();
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let group = |a: u32, groups: &mut Vec<Vec<u32>>, group_of: &mut HashMap<u32, usize>| {
        *group_of.entry(a).or_insert_with(|| {
            groups.push(vec![a]);
            groups.len() - 1
        })
    };
    for (a, b, _) in order {
        let x = group(a, &mut groups, &mut group_of);
        let y = group(b, &mut groups, &mut group_of);
        let matching = groups[x]
            .iter()
            .map(|&p| groups[y].iter().filter(|&&q| is_linked(p, q)).count())
            .sum::<usize>();
        if x == y || 2 * matching < groups[x].len() * groups[y].len() {
            continue;
        }
        let (into, from) = if groups[x].len() >= groups[y].len() {
            (x, y)
        } else {
            (y, x)
        };
        let moved = std::mem::take(&mut groups[from]);
        for &m in &moved {
            group_of.insert(m, into);
        }
        groups[into].extend(moved);
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_iter()
        .filter(|g| g.len() > 1)
        .map(|g| {
            let mut g: Vec<usize> = g.into_iter().map(|a| a as usize).collect();
            g.sort_unstable();
            g
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
        // Two pairs, linked by one resemblance across: 1 of 4 pairs.
        let groups = join(&[(0, 1, 0.5), (2, 3, 0.5), (1, 2, 0.4)]);
        assert_eq!(groups, vec![vec![0, 1], vec![2, 3]]);
        // A third report like one of the first two joins them (1 of 2).
        let groups = join(&[(0, 1, 0.5), (1, 2, 0.4)]);
        assert_eq!(groups, vec![vec![0, 1, 2]]);
        // A chain 0–1–2–3: 3 joins {0, 1, 2} through 1 pair of 3.
        let groups = join(&[(0, 1, 0.5), (1, 2, 0.4), (2, 3, 0.3)]);
        assert_eq!(groups, vec![vec![0, 1, 2]]);
    }

    #[test]
    fn groups_merge_only_when_half_the_pairs_across_match() {
        let pairs = [(0, 1, 0.9), (2, 3, 0.8), (1, 2, 0.7)];
        assert_eq!(join(&pairs), vec![vec![0, 1], vec![2, 3]]);
        let pairs = [(0, 1, 0.9), (2, 3, 0.8), (1, 2, 0.7), (0, 3, 0.6)];
        assert_eq!(join(&pairs), vec![vec![0, 1, 2, 3]], "2 of 4 pairs across");
        let all: Vec<(u32, u32, f64)> = (0..4u32)
            .flat_map(|a| (a + 1..4).map(move |b| (a, b, 0.5)))
            .collect();
        assert_eq!(join(&all), vec![vec![0, 1, 2, 3]]);
        assert!(join(&[]).is_empty());
    }
}
