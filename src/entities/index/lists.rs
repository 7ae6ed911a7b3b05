//! One list per article, in a few large buffers: the index's per-article
//! mentions and entities. A `Vec` per article cost an allocation each
//! and left room to grow in most; at 100,000 articles the index took
//! 400 MB of memory for 290 MB of lists. The lists are kept in runs, each
//! in one buffer, so that joining the lists of several parts (of an index
//! built in parts, of a snapshot read in chunks) moves their buffers
//! instead of copying them. Written and read as a sequence of sequences,
//! byte for byte what a `Vec<Vec<T>>` is.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;

use serde::de::{SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Lists of `T`, numbered from 0.
#[derive(Clone)]
pub struct Lists<T> {
    runs: Vec<Run<T>>,
    /// The number of the first list of each run.
    firsts: Vec<usize>,
    len: usize,
}

/// Consecutive lists stored end to end.
#[derive(Clone)]
struct Run<T> {
    items: Vec<T>,
    /// Where each list ends in `items`.
    ends: Vec<usize>,
}

impl<T> Run<T> {
    fn get(&self, list: usize) -> Option<Range<usize>> {
        let end = *self.ends.get(list)?;
        let start = list.checked_sub(1).map_or(0, |prev| self.ends[prev]);
        Some(start..end)
    }
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Self {
            runs: Vec::new(),
            firsts: Vec::new(),
            len: 0,
        }
    }
}

impl<T: PartialEq> PartialEq for Lists<T> {
    /// Lists are equal when they hold the same lists, however they are
    /// split into runs.
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<T: Eq> Eq for Lists<T> {}

impl<T: fmt::Debug> fmt::Debug for Lists<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T> Lists<T> {
    /// No list yet, with room for `lists` lists of `items` items in all.
    pub fn with_capacity(lists: usize, items: usize) -> Self {
        Self {
            runs: vec![Run {
                items: Vec::with_capacity(items),
                ends: Vec::with_capacity(lists),
            }],
            firsts: vec![0],
            len: 0,
        }
    }

    /// Returns how many lists there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Returns true if and only if there is no list.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Returns how many items all lists hold.
    pub fn items(&self) -> usize {
        self.runs.iter().map(|r| r.items.len()).sum()
    }

    /// Returns the run that holds list `list` and the list's place in it.
    fn find(&self, list: usize) -> Option<(usize, Range<usize>)> {
        if list >= self.len {
            return None;
        }
        let run = self.firsts.partition_point(|&first| first <= list) - 1;
        Some((run, self.runs[run].get(list - self.firsts[run])?))
    }

    /// Returns list `list`, if there is one.
    pub fn get(&self, list: usize) -> Option<&[T]> {
        self.find(list).map(|(run, r)| &self.runs[run].items[r])
    }

    /// Returns list `list` to change its items in place, if there is one.
    pub fn get_mut(&mut self, list: usize) -> Option<&mut [T]> {
        let (run, r) = self.find(list)?;
        Some(&mut self.runs[run].items[r])
    }

    /// Returns every item of every list, to change in place.
    pub fn items_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.runs.iter_mut().flat_map(|r| r.items.iter_mut())
    }

    /// Returns the lists in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[T]> + '_ {
        (0..self.len()).map(|k| self.get(k).unwrap_or_default())
    }

    /// Adds a list of `items` after the last.
    pub fn push(&mut self, items: impl IntoIterator<Item = T>) {
        if self.runs.is_empty() {
            self.runs.push(Run {
                items: Vec::new(),
                ends: Vec::new(),
            });
            self.firsts.push(self.len);
        }
        let run = self.runs.last_mut().expect("a run was added");
        run.items.extend(items);
        run.ends.push(run.items.len());
        self.len += 1;
    }

    /// Moves the lists of `other` after the last, without copying them.
    pub fn append(&mut self, other: Self) {
        for run in other.runs.into_iter().filter(|r| !r.ends.is_empty()) {
            // A run left empty (by `with_capacity`) is dropped: every run
            // holds lists.
            if self.runs.last().is_some_and(|r| r.ends.is_empty()) {
                self.runs.pop();
                self.firsts.pop();
            }
            self.firsts.push(self.len);
            self.len += run.ends.len();
            self.runs.push(run);
        }
    }

    /// Returns the lists `range` (clipped to those there are), to write.
    pub fn slice(&self, range: Range<usize>) -> Slice<'_, T> {
        let end = range.end.min(self.len());
        Slice {
            lists: self,
            range: range.start.min(end)..end,
        }
    }
}

impl<T> Extend<Vec<T>> for Lists<T> {
    fn extend<I: IntoIterator<Item = Vec<T>>>(&mut self, lists: I) {
        for list in lists {
            self.push(list);
        }
    }
}

impl<T> FromIterator<Vec<T>> for Lists<T> {
    fn from_iter<I: IntoIterator<Item = Vec<T>>>(lists: I) -> Self {
        let mut out = Self::default();
        out.extend(lists);
        out
    }
}

impl<T> std::ops::Index<usize> for Lists<T> {
    type Output = [T];

    /// Returns list `list`, which must exist.
    fn index(&self, list: usize) -> &[T] {
        self.get(list).expect("a list of these lists")
    }
}

/// Some consecutive lists of a [`Lists`], written as a sequence of
/// sequences.
pub struct Slice<'a, T> {
    lists: &'a Lists<T>,
    range: Range<usize>,
}

impl<T: Serialize> Serialize for Slice<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.range.len()))?;
        for k in self.range.clone() {
            seq.serialize_element(self.lists.get(k).unwrap_or_default())?;
        }
        seq.end()
    }
}

impl<T: Serialize> Serialize for Lists<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.slice(0..self.len()).serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de> + Copy> Deserialize<'de> for Lists<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Read<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Copy> Visitor<'de> for Read<T> {
            type Value = Lists<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence of lists")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Lists<T>, A::Error> {
                let mut lists = Lists::default();
                while let Some(list) = seq.next_element::<Vec<T>>()? {
                    lists.push(list);
                }
                // One run, kept as long as the index: no room to grow.
                for run in &mut lists.runs {
                    run.items = crate::memory::exact(std::mem::take(&mut run.items));
                }
                Ok(lists)
            }
        }
        deserializer.deserialize_seq(Read(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_back_as_pushed_and_write_as_vectors_of_vectors() {
        let vecs: Vec<Vec<u32>> = vec![vec![3, 1], vec![], vec![7], vec![2, 2, 2]];
        let mut lists: Lists<u32> = vecs.iter().cloned().collect();
        assert_eq!(lists.len(), 4);
        assert_eq!(lists.items(), 6);
        assert_eq!(lists.iter().collect::<Vec<_>>(), vecs);
        assert_eq!(lists.get(4), None);
        assert_eq!(&lists[1], &[] as &[u32]);
        lists.get_mut(0).unwrap().sort_unstable();
        assert_eq!(&lists[0], &[1, 3]);
        let mut more: Lists<u32> = Lists::default();
        more.push([9]);
        let mut joined = lists.clone();
        joined.append(more);
        assert_eq!(&joined[4], &[9]);
        assert_eq!(&joined[3], &[2, 2, 2]);
        let as_vecs: Vec<Vec<u32>> = lists.iter().map(<[u32]>::to_vec).collect();
        let bytes = postcard::to_allocvec(&lists).unwrap();
        assert_eq!(bytes, postcard::to_allocvec(&as_vecs).unwrap());
        assert_eq!(postcard::from_bytes::<Lists<u32>>(&bytes).unwrap(), lists);
        let json = serde_json::to_string(&lists).unwrap();
        assert_eq!(json, "[[1,3],[],[7],[2,2,2]]");
        let read: Lists<u32> = serde_json::from_str(&json).unwrap();
        assert_eq!(read, lists);
        let middle = serde_json::to_string(&lists.slice(1..3)).unwrap();
        assert_eq!(middle, "[[],[7]]");
        assert_eq!(
            serde_json::to_string(&lists.slice(3..9)).unwrap(),
            "[[2,2,2]]"
        );
    }

    #[test]
    fn lists_joined_from_parts_are_the_lists_pushed_one_by_one() {
        let vecs: Vec<Vec<u32>> = (0..23u32)
            .map(|k| (0..k % 4).map(|i| k * 10 + i).collect())
            .collect();
        let whole: Lists<u32> = vecs.iter().cloned().collect();
        for part in [1, 2, 5, 30] {
            let mut joined = Lists::with_capacity(3, 3);
            for chunk in vecs.chunks(part) {
                let mut piece = Lists::with_capacity(part, 0);
                piece.extend(chunk.iter().cloned());
                joined.append(piece);
                joined.append(Lists::default());
            }
            assert_eq!(joined, whole, "parts of {part}");
            assert_eq!(joined.len(), 23);
            assert_eq!(joined.items(), whole.items());
            assert_eq!(joined.get(23), None);
            for (k, v) in vecs.iter().enumerate() {
                assert_eq!(&joined[k], v.as_slice(), "list {k}, parts of {part}");
            }
            assert_eq!(
                serde_json::to_string(&joined.slice(3..9)).unwrap(),
                serde_json::to_string(&whole.slice(3..9)).unwrap()
            );
            for item in joined.items_mut() {
                *item += 1;
            }
            joined.get_mut(22).unwrap()[0] = 0;
            joined.push([5]);
            assert_eq!(&joined[22], &[0, 222]);
            assert_eq!(&joined[23], &[5]);
            assert_eq!(&joined[21], &[211]);
        }
    }
}
