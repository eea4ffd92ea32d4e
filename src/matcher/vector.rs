//! Texts as sparse weighted vectors, and their cosine. Features are hashed to `u64` with
//! FNV-1a, which is fixed (unlike std's randomly seeded hasher), so a reading is the same on
//! every run and machine. A collision between two features is possible and harmless: it only
//! adds a little similarity between two texts.

use std::collections::HashMap;

/// A feature's hash.
pub type Feature = u64;

/// A sparse vector: features sorted by hash, each once, with its weight.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sparse {
    entries: Vec<(Feature, f32)>,
    norm: f32,
}

impl Sparse {
    /// The vector of feature counts `counts`, each weighted by `weight(feature)`.
    pub fn weighted(counts: &HashMap<Feature, f32>, weight: impl Fn(Feature) -> f32) -> Sparse {
        let mut entries: Vec<(Feature, f32)> = counts
            .iter()
            .map(|(&f, &count)| (f, (1.0 + count.ln()) * weight(f)))
            .filter(|(_, w)| *w > 0.0)
            .collect();
        entries.sort_unstable_by_key(|(f, _)| *f);
        let norm = entries.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        Sparse { entries, norm }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The cosine of the angle between two vectors: 0 (nothing shared) to 1 (the same
    /// direction); 0 when either is empty.
    pub fn cosine(&self, other: &Sparse) -> f32 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (a, b) = (&self.entries, &other.entries);
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        while let (Some(&(fa, wa)), Some(&(fb, wb))) = (a.get(i), b.get(j)) {
            match fa.cmp(&fb) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += wa * wb;
                    i += 1;
                    j += 1;
                }
            }
        }
        (dot / (self.norm * other.norm)).clamp(0.0, 1.0)
    }
}

/// FNV-1a over the bytes of `parts`, with `kind` first so that a word and a character
/// n-gram with the same letters are different features.
pub fn hash(kind: u8, text: &str) -> Feature {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h = OFFSET;
    for byte in std::iter::once(kind).chain(text.bytes()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(PRIME);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(features: &[(u64, f32)]) -> Sparse {
        Sparse::weighted(&features.iter().copied().collect(), |_| 1.0)
    }

    #[test]
    fn cosine_of_a_vector_with_itself_is_one_and_of_disjoint_ones_zero() {
        let a = vector(&[(1, 2.0), (5, 1.0)]);
        let b = vector(&[(2, 1.0), (7, 3.0)]);
        assert!((a.cosine(&a) - 1.0).abs() < 1e-6);
        assert_eq!(a.cosine(&b), 0.0);
        assert_eq!(a.cosine(&Sparse::default()), 0.0);
        let c = vector(&[(1, 1.0), (2, 1.0)]);
        assert!((vector(&[(1, 1.0)]).cosine(&c) - std::f32::consts::FRAC_1_SQRT_2).abs() < 1e-6);
    }

    #[test]
    fn hashes_are_fixed_and_kinds_apart() {
        assert_eq!(hash(0, "abc"), hash(0, "abc"));
        assert_ne!(hash(0, "abc"), hash(1, "abc"));
    }
}
