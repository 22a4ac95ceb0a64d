//! Strongly connected sets of a graph given as adjacency lists, without recursion: a
//! procedure of a hundred thousand steps must not exhaust the stack (petgraph's Tarjan
//! recurses once per state).

/// The strongly connected sets of the graph `next` (node `i` leads to each of `next[i]`),
/// in topological order: a set comes before every set it leads to. Also the set of each
/// node. Linear in nodes and edges.
pub fn components(next: &[Vec<usize>]) -> (Vec<Vec<usize>>, Vec<usize>) {
    const NONE: usize = usize::MAX;
    let n = next.len();
    let mut index = vec![NONE; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut of = vec![NONE; n];
    let mut sets: Vec<Vec<usize>> = Vec::new();
    let mut counter = 0usize;
    // Frames of the depth-first walk: the node and how many of its edges were followed.
    let mut frames: Vec<(usize, usize)> = Vec::new();
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
            if let Some(&w) = next[v].get(*k) {
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
                let mut set = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    of[w] = sets.len();
                    set.push(w);
                    if w == v {
                        break;
                    }
                }
                set.sort_unstable();
                sets.push(set);
            }
        }
    }
    // Tarjan finds a set after every set it leads to: reverse for topological order.
    sets.reverse();
    let last = sets.len().saturating_sub(1);
    for o in &mut of {
        if *o != NONE {
            *o = last - *o;
        }
    }
    (sets, of)
}

#[cfg(test)]
mod tests {
    use super::components;

    #[test]
    fn sets_in_topological_order() {
        // 0 → 1 ⇄ 2 → 3, 4 alone.
        let next = vec![vec![1], vec![2], vec![1, 3], vec![], vec![]];
        let (sets, of) = components(&next);
        assert_eq!(sets.len(), 4);
        assert_eq!(of[1], of[2]);
        assert!(of[0] < of[1] && of[1] < of[3]);
        for (k, set) in sets.iter().enumerate() {
            assert!(set.iter().all(|v| of[*v] == k));
        }
    }

    #[test]
    fn a_long_chain_does_not_recurse() {
        let n = 300_000;
        let next: Vec<Vec<usize>> = (0..n).map(|i| vec![(i + 1) % n]).collect();
        let (sets, _) = components(&next);
        assert_eq!(sets.len(), 1);
    }
}
