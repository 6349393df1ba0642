//! Stable sorting that is small in the page's wasm.
//!
//! `slice::sort_by_key` is monomorphised whole (driftsort, quicksort, small-sort networks:
//! ~4 KB of wasm each) for every element type and key closure; a dozen call sites cost ~40 KB
//! before `wasm-opt` (docs/PERFORMANCE.md). Here the merge sort works on indices through a
//! `dyn` comparison and is compiled once; what each caller instantiates is a short closure and an
//! in-place permutation. The lists sorted here are short (findings, layers, a setting's
//! history, masked spans) or at most a few thousand entries (a log's kept events): O(n log n)
//! comparisons, one index vector and one flag vector of extra memory.

/// Sorts `v` by `key`, stably (equal keys keep their order).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a) < key(b));
}

/// Sorts `v` ascending, stably.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a < b);
}

/// Sorts `v` stably by `less` (a strict "comes before").
pub fn sort_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    if v.len() < 2 {
        return;
    }
    let order = stable_order(v.len(), &mut |a, b| less(&v[a], &v[b]));
    permute(v, &order);
}

/// The indices `0..n` in stable order of `less`: a bottom-up merge sort that skips merging runs
/// already in order (so sorted input costs n − 1 comparisons per pass).
fn stable_order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid == hi || !less(a[mid], a[mid - 1]) {
                b[lo..hi].copy_from_slice(&a[lo..hi]);
            } else {
                let (mut i, mut j, mut k) = (lo, mid, lo);
                while i < mid && j < hi {
                    // Take from the right only when strictly before: stability.
                    if less(a[j], a[i]) {
                        b[k] = a[j];
                        j += 1;
                    } else {
                        b[k] = a[i];
                        i += 1;
                    }
                    k += 1;
                }
                let rest = mid - i;
                b[k..k + rest].copy_from_slice(&a[i..mid]);
                b[k + rest..hi].copy_from_slice(&a[j..hi]);
            }
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Reorders `v` so that `v[i]` becomes the old `v[order[i]]`, by following cycles with swaps.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        if done[start] {
            continue;
        }
        let mut j = start;
        loop {
            done[j] = true;
            let k = order[j];
            if k == start {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_and_keeps_equal_keys_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (3, 'f')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c'), (3, 'f')]);
        let mut e: Vec<u8> = Vec::new();
        sort(&mut e);
        let mut one = vec!["x".to_owned()];
        sort(&mut one);
        assert_eq!(one, ["x"]);
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut ours = v.clone();
            let mut std_sorted = v;
            sort_by_key(&mut ours, |p| p.0);
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
