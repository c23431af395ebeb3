//! A short window of a passage around its matches, for a result line.

/// Cuts about `width` characters of `text` around the matched `positions`
/// (character positions, ascending), preferring to start at a word. Cut ends
/// are marked with `…`, which counts in the width. Returns the snippet and
/// the positions re-based on it (those that fall outside are dropped).
///
/// ```
/// # use dossier_core::search::snippet;
/// let (s, p) = snippet("een twee drie vier vijf zes", &[14, 15], 12);
/// assert_eq!(s, "…vier vijf…");
/// assert_eq!(p, vec![1, 2]);
/// ```
pub fn snippet(text: &str, positions: &[usize], width: usize) -> (String, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    if n <= width {
        return (
            text.to_string(),
            positions.iter().copied().filter(|&p| p < n).collect(),
        );
    }
    if width < 3 {
        // No room for `…`: just the characters at the first match.
        let start = positions.first().copied().unwrap_or(0).min(n - width);
        let end = start + width;
        let out = chars[start..end].iter().collect();
        return (
            out,
            positions
                .iter()
                .copied()
                .filter(|&p| p >= start && p < end)
                .map(|p| p - start)
                .collect(),
        );
    }
    // Room for the text itself, with `…` at both ends in the worst case.
    let room = width.saturating_sub(2).max(1);
    let first = positions.first().copied().unwrap_or(0).min(n - 1);
    let last = positions
        .iter()
        .copied()
        .filter(|&p| p < n)
        .max()
        .unwrap_or(first)
        .max(first);
    let span = last - first + 1;
    let mut start = if first == 0 {
        0
    } else if span >= room {
        // The matches do not all fit: show the first with a little before.
        first.saturating_sub(room / 6)
    } else {
        // Centre the matches.
        first.saturating_sub((room - span) / 2)
    };
    start = start.min(n.saturating_sub(room));
    // Start at a word where one begins shortly after, before the first match.
    if start > 0 && !chars[start - 1].is_whitespace() {
        let limit = (start + 12).min(first);
        if let Some(ws) = (start..limit).find(|&i| chars[i].is_whitespace()) {
            start = ws + 1;
        }
    }
    let prefix = start > 0;
    let avail = width - usize::from(prefix);
    let (mut end, suffix) = if start + avail >= n {
        (n, false)
    } else {
        (start + avail - 1, true)
    };
    while suffix && end > (start + 1).max(first + 1) && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    let mut out = String::with_capacity(width * 2);
    if prefix {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if suffix {
        out.push('…');
    }
    let shift = usize::from(prefix);
    let positions = positions
        .iter()
        .copied()
        .filter(|&p| p >= start && p < end)
        .map(|p| p - start + shift)
        .collect();
    (out, positions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_whole() {
        assert_eq!(
            snippet("Italië", &[0, 1], 20),
            ("Italië".to_string(), vec![0, 1])
        );
    }

    #[test]
    fn a_match_at_the_start_keeps_the_start() {
        let (s, p) = snippet("abcdefghij klmnopqrst", &[0], 10);
        assert_eq!(s, "abcdefghi…");
        assert_eq!(p, vec![0]);
    }

    #[test]
    fn a_match_at_the_end_keeps_the_end() {
        let text = "een twee drie vier vijf zes zeven";
        let (s, p) = snippet(text, &[32], 12);
        assert!(s.starts_with('…') && s.ends_with('n'), "{s}");
        assert!(s.chars().count() <= 12);
        assert_eq!(s.chars().nth(p[0]), Some('n'));
    }

    #[test]
    fn positions_point_at_the_same_characters() {
        let text = "De Raad van Europa en Italië, Denemarken en het Verenigd Koninkrijk spraken af";
        let positions: Vec<usize> = (22..28).collect();
        let (s, p) = snippet(text, &positions, 30);
        let chars: Vec<char> = s.chars().collect();
        let picked: String = p.iter().map(|&i| chars[i]).collect();
        assert_eq!(picked, "Italië");
        assert!(chars.len() <= 30, "{s}");
    }
}
