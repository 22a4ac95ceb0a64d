//! Strongly connected sets of a graph given as adjacency lists, without recursion: a
//! procedure of a hundred thousand steps must not exhaust the stack (petgraph's Tarjan
//! recurses once per state).

/// Lists of nodes kept flat: list `i` is `items[starts[i]..starts[i + 1]]`. Two
/// allocations for any number of lists, not one a list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    starts: Vec<usize>,
    items: Vec<usize>,
}

/// A graph as flat adjacency lists: list `i` holds the nodes node `i` leads to.
pub type Adjacency = Lists;

impl Lists {
    /// No list yet, with room for `lists` lists of `items` nodes in all.
    pub fn with_capacity(lists: usize, items: usize) -> Lists {
        let mut starts = Vec::with_capacity(lists + 1);
        starts.push(0);
        Lists {
            starts,
            items: Vec::with_capacity(items),
        }
    }

    /// Adds the next list.
    pub fn push(&mut self, items: impl IntoIterator<Item = usize>) {
        self.items.extend(items);
        self.starts.push(self.items.len());
    }

    /// How many lists.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there is no list.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// List `i` (empty for a list not there): for a graph, the nodes node `i` leads to.
    pub fn get(&self, i: usize) -> &[usize] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }

    /// The lists in order.
    pub fn iter(&self) -> impl Iterator<Item = &[usize]> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

impl From<&[Vec<usize>]> for Lists {
    fn from(lists: &[Vec<usize>]) -> Lists {
        let mut a = Lists::with_capacity(lists.len(), lists.iter().map(Vec::len).sum());
        for list in lists {
            a.push(list.iter().copied());
        }
        a
    }
}

/// The strongly connected sets of a graph, in topological order: a set comes before every
/// set it leads to. Each set's nodes are sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Components {
    /// The sets.
    pub sets: Lists,
    /// The set of each node.
    pub of: Vec<usize>,
}

/// The strongly connected sets of the graph `next`. Linear in nodes and edges, without
/// recursion, and with a fixed number of allocations (a set is a slice of one list).
pub fn components(next: &Adjacency) -> Components {
    const NONE: usize = usize::MAX;
    let n = next.len();
    let mut index = vec![NONE; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::with_capacity(n);
    let mut of = vec![NONE; n];
    // Sets as Tarjan finds them (each after every set it leads to), flat.
    let mut found: Vec<usize> = Vec::with_capacity(n);
    let mut ends: Vec<usize> = Vec::with_capacity(n);
    let mut counter = 0usize;
    // Frames of the depth-first walk: the node and how many of its edges were followed.
    let mut frames: Vec<(usize, usize)> = Vec::with_capacity(n.min(1024));
    for root in 0..n {
        if index[root] != NONE {
            continue;
        }
        frames.push((root, 0));
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut k)) = frames.last_mut() {
            if let Some(&w) = next.get(v).get(*k) {
                *k += 1;
                if w >= n {
                    continue;
                }
                if index[w] == NONE {
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    frames.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let from = found.len();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    of[w] = ends.len();
                    found.push(w);
                    if w == v {
                        break;
                    }
                }
                if let Some(set) = found.get_mut(from..) {
                    set.sort_unstable();
                }
                ends.push(found.len());
            }
        }
    }
    // Tarjan finds a set after every set it leads to: reverse for topological order.
    let count = ends.len();
    let mut sets = Lists::with_capacity(count, found.len());
    for k in (0..count).rev() {
        let a = if k == 0 { 0 } else { ends[k - 1] };
        sets.push(found.get(a..ends[k]).unwrap_or_default().iter().copied());
    }
    let last = count.saturating_sub(1);
    for o in &mut of {
        if *o != NONE {
            *o = last - *o;
        }
    }
    Components { sets, of }
}

#[cfg(test)]
mod tests {
    use super::{components, Adjacency};

    #[test]
    fn sets_in_topological_order() {
        // 0 → 1 ⇄ 2 → 3, 4 alone.
        let next = vec![vec![1], vec![2], vec![1, 3], vec![], vec![]];
        let c = components(&Adjacency::from(next.as_slice()));
        let of = &c.of;
        assert_eq!(c.sets.len(), 4);
        assert_eq!(of[1], of[2]);
        assert!(of[0] < of[1] && of[1] < of[3]);
        assert_eq!(c.sets.get(of[1]), [1, 2]);
        for (k, set) in c.sets.iter().enumerate() {
            assert!(set.iter().all(|v| of[*v] == k));
        }
        assert_eq!(c.sets.iter().map(<[usize]>::len).sum::<usize>(), 5);
    }

    #[test]
    fn a_long_chain_does_not_recurse() {
        let n = 300_000;
        let next: Vec<Vec<usize>> = (0..n).map(|i| vec![(i + 1) % n]).collect();
        let c = components(&Adjacency::from(next.as_slice()));
        assert_eq!(c.sets.len(), 1);
        assert_eq!(c.sets.get(0).len(), n);
    }

    /// The sets equal those of mutual reachability, and each set comes before every set it
    /// leads to, on every graph of up to six nodes drawn from a fixed sequence.
    #[test]
    fn sets_are_those_of_mutual_reachability() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut draw = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..2000 {
            let n = (draw() % 7) as usize;
            let next: Vec<Vec<usize>> = (0..n)
                .map(|_| (0..n).filter(|_| draw() % 3 == 0).collect())
                .collect();
            // reach[a][b]: b can be reached from a (a itself included).
            let mut reach = vec![vec![false; n]; n];
            for (a, row) in reach.iter_mut().enumerate() {
                let mut todo = vec![a];
                while let Some(v) = todo.pop() {
                    if !row[v] {
                        row[v] = true;
                        todo.extend(next[v].iter().copied());
                    }
                }
            }
            let c = components(&Adjacency::from(next.as_slice()));
            for (a, from_a) in reach.iter().enumerate() {
                for (b, from_b) in reach.iter().enumerate() {
                    let same = from_a[b] && from_b[a];
                    assert_eq!(c.of[a] == c.of[b], same, "{next:?}");
                    if from_a[b] && !same {
                        assert!(c.of[a] < c.of[b], "{next:?}");
                    }
                }
            }
            for (k, set) in c.sets.iter().enumerate() {
                assert!(set.windows(2).all(|w| w[0] < w[1]));
                assert!(set.iter().all(|v| c.of[*v] == k));
            }
            assert_eq!(c.sets.iter().map(<[usize]>::len).sum::<usize>(), n);
        }
    }
}
