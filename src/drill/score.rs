//! A drill's score, and a trainee's mean in reports: the mean of whole 0–100 scores, shown
//! as a whole score. One definition, so the line a scripted drill prints, the drill summary
//! screen and `composure report` never disagree by one.

/// The mean of `scores`, rounded to the nearest whole score, a half rounding up; `None`
/// when there are none.
pub fn mean_score(scores: impl IntoIterator<Item = u8>) -> Option<u8> {
    let (sum, count) = scores
        .into_iter()
        .fold((0u64, 0u64), |(sum, n), s| (sum + u64::from(s), n + 1));
    if count == 0 {
        return None;
    }
    // Whole numbers only: (2·sum + n) / 2n is sum/n rounded, a half up.
    u8::try_from((2 * sum + count) / (2 * count)).ok()
}

/// A mean computed elsewhere (SQLite's AVG over stored scores), rounded as [`mean_score`]
/// rounds: a mean of whole scores that ends in .5 is exact in a float, and rounds up.
pub fn round_mean(mean: f64) -> u8 {
    // Clamped to 0–100 first, so the cast cannot truncate.
    (mean.clamp(0.0, 100.0) + 0.5).floor() as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_half_rounds_up_and_both_roundings_agree() {
        assert_eq!(mean_score([67, 0]), Some(34));
        assert_eq!(mean_score([65, 0]), Some(33));
        assert_eq!(mean_score([70, 71, 71]), Some(71));
        assert_eq!(mean_score([]), None);
        for scores in [[67u8, 0], [65, 0], [100, 99], [1, 0], [50, 50]] {
            let mean = f64::from(scores[0] + scores[1]) / 2.0;
            assert_eq!(Some(round_mean(mean)), mean_score(scores), "{scores:?}");
        }
    }
}
