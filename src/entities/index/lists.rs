//! One list per article, all in one buffer: the index's per-article
//! mentions and entities. A `Vec` per article cost an allocation each
//! and left room to grow in most; at 100,000 articles the index took
//! 400 MB of memory for 290 MB of lists. Written and read as a sequence
//! of sequences, byte for byte what a `Vec<Vec<T>>` is.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;

use serde::de::{SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Lists of `T`, numbered from 0, stored end to end.
#[derive(Clone, PartialEq, Eq)]
pub struct Lists<T> {
    items: Vec<T>,
    /// Where each list ends in `items`.
    ends: Vec<usize>,
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            ends: Vec::new(),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Lists<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T> Lists<T> {
    /// No list yet, with room for `lists` lists of `items` items in all.
    pub fn with_capacity(lists: usize, items: usize) -> Self {
        Self {
            items: Vec::with_capacity(items),
            ends: Vec::with_capacity(lists),
        }
    }

    /// Returns how many lists there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Returns true if and only if there is no list.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Returns how many items all lists hold.
    pub fn items(&self) -> usize {
        self.items.len()
    }

    fn bounds(&self, list: usize) -> Option<Range<usize>> {
        let end = *self.ends.get(list)?;
        let start = list.checked_sub(1).map_or(0, |prev| self.ends[prev]);
        Some(start..end)
    }

    /// Returns list `list`, if there is one.
    pub fn get(&self, list: usize) -> Option<&[T]> {
        self.bounds(list).map(|r| &self.items[r])
    }

    /// Returns list `list` to change its items in place, if there is one.
    pub fn get_mut(&mut self, list: usize) -> Option<&mut [T]> {
        let r = self.bounds(list)?;
        Some(&mut self.items[r])
    }

    /// Returns every item of every list, to change in place.
    pub fn items_mut(&mut self) -> &mut [T] {
        &mut self.items
    }

    /// Returns the lists in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[T]> + '_ {
        (0..self.len()).map(|k| self.get(k).unwrap_or_default())
    }

    /// Adds a list of `items` after the last.
    pub fn push(&mut self, items: impl IntoIterator<Item = T>) {
        self.items.extend(items);
        self.ends.push(self.items.len());
    }

    /// Moves the lists of `other` after the last.
    pub fn append(&mut self, mut other: Self) {
        let base = self.items.len();
        self.items.append(&mut other.items);
        self.ends
            .extend(other.ends.into_iter().map(|end| base + end));
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

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lists<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Read<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Read<T> {
            type Value = Lists<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence of lists")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Lists<T>, A::Error> {
                let mut lists = Lists::default();
                while let Some(list) = seq.next_element::<Vec<T>>()? {
                    lists.push(list);
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
}
