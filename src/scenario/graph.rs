//! Graph algorithms over a scenario's nodes (as index lists), shared by validation and lint.
//! Iterative throughout, so a long chain of nodes cannot overflow the stack.

/// The strongly connected components that contain a cycle (Tarjan's algorithm), each sorted,
/// in order of their first node.
pub fn cycles(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut out = Vec::new();
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        // (node, next edge to look at)
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (v, ref mut e)) = work.last_mut() {
            if *e == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*e) {
                *e += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 || edges[v].contains(&v) {
                    component.sort_unstable();
                    out.push(component);
                }
            }
        }
    }
    out.sort();
    out
}

/// Marks every node reachable from `from` along `edges`.
pub fn flood(edges: &[Vec<usize>], from: impl IntoIterator<Item = usize>) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut stack: Vec<usize> = Vec::new();
    for i in from {
        if !seen[i] {
            seen[i] = true;
            stack.push(i);
        }
    }
    while let Some(i) = stack.pop() {
        for &j in &edges[i] {
            if !seen[j] {
                seen[j] = true;
                stack.push(j);
            }
        }
    }
    seen
}

/// The longest path in an acyclic graph, counted in nodes, and the node it starts from; the
/// first such node when several tie. `None` for a graph without nodes. Only meaningful when
/// [`cycles`] found none.
pub fn longest_path(edges: &[Vec<usize>]) -> Option<(usize, usize)> {
    const UNSEEN: usize = 0;
    let n = edges.len();
    // The longest path starting at each node, once known; 0 while not.
    let mut length = vec![UNSEEN; n];
    // On the path being walked: an edge back to one is a cycle, and is not followed.
    let mut walking = vec![false; n];
    for root in 0..n {
        if length[root] != UNSEEN {
            continue;
        }
        let mut work = vec![(root, 0usize)];
        walking[root] = true;
        while let Some(&mut (v, ref mut e)) = work.last_mut() {
            if let Some(&w) = edges[v].get(*e) {
                *e += 1;
                if length[w] == UNSEEN && !walking[w] {
                    walking[w] = true;
                    work.push((w, 0));
                }
                continue;
            }
            length[v] = 1 + edges[v].iter().map(|&w| length[w]).max().unwrap_or(0);
            walking[v] = false;
            work.pop();
        }
    }
    length
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
        .map(|(start, &len)| (len, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_finds_loops_and_self_loops_but_not_chains() {
        // 0 → 1 → 2 → 1, 3 → 3, 4 → 0
        let edges = vec![vec![1], vec![2], vec![1], vec![3], vec![0]];
        assert_eq!(cycles(&edges), vec![vec![1, 2], vec![3]]);
    }

    #[test]
    fn a_chain_of_a_million_nodes_does_not_overflow_the_stack() {
        let n = 1_000_000;
        let edges: Vec<Vec<usize>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { vec![0] })
            .collect();
        assert_eq!(cycles(&edges).len(), 1);
        assert!(flood(&edges, [0]).iter().all(|&b| b));
    }

    #[test]
    fn the_longest_path_is_counted_in_nodes_from_its_first_node() {
        // 0 → 1 → 2 → 3 and 4 → 2: the longest starts at 0 and has four nodes.
        let edges = vec![vec![1], vec![2], vec![3], vec![], vec![2]];
        assert_eq!(longest_path(&edges), Some((4, 0)));
        assert_eq!(longest_path(&[]), None);
        // A cycle is not followed round, and the walk ends.
        assert!(longest_path(&[vec![1], vec![0]]).is_some());
    }
}
