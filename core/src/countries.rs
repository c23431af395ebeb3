//! Countries named in a text, found from a list of Dutch country names, so
//! filtering by country works on any dossier without tagging by hand.

use std::sync::OnceLock;

use crate::text::{fold, fold_char};

/// Dutch names of countries, with other names the same country goes by.
/// The first name of each entry is the one shown.
const COUNTRIES: &[&[&str]] = &[
    &["Afghanistan"],
    &["Albanië"],
    &["Algerije"],
    &["Andorra"],
    &["Armenië"],
    &["Australië"],
    &["Azerbeidzjan"],
    &["Bangladesh"],
    &["België"],
    &["Bosnië en Herzegovina", "Bosnië-Herzegovina"],
    &["Brazilië"],
    &["Bulgarije"],
    &["Canada"],
    &["China"],
    &["Cyprus"],
    &["Denemarken"],
    &["Duitsland"],
    &["Egypte"],
    &["Eritrea"],
    &["Estland"],
    &["Ethiopië"],
    &["Finland"],
    &["Frankrijk"],
    &["Georgië"],
    &["Ghana"],
    &["Griekenland"],
    &["Hongarije"],
    &["Ierland"],
    &["IJsland"],
    &["India"],
    &["Irak"],
    &["Iran"],
    &["Israël"],
    &["Italië"],
    &["Japan"],
    &["Jordanië"],
    &["Kosovo"],
    &["Kroatië"],
    &["Letland"],
    &["Libanon"],
    &["Libië"],
    &["Liechtenstein"],
    &["Litouwen"],
    &["Luxemburg"],
    &["Malta"],
    &["Mauritanië"],
    &["Moldavië"],
    &["Monaco"],
    &["Montenegro"],
    &["Marokko"],
    &["Nederland"],
    &["Niger"],
    &["Nigeria"],
    &["Noord-Macedonië"],
    &["Noorwegen"],
    &["Oeganda"],
    &["Oekraïne"],
    &["Oostenrijk"],
    &["Pakistan"],
    &["Polen"],
    &["Portugal"],
    &["Roemenië"],
    &["Rusland"],
    &["Rwanda"],
    &["San Marino"],
    &["Senegal"],
    &["Servië"],
    &["Slovenië"],
    &["Slowakije"],
    &["Somalië"],
    &["Spanje"],
    &["Soedan"],
    &["Syrië"],
    &["Tsjechië"],
    &["Tunesië"],
    &["Turkije"],
    &["Verenigd Koninkrijk"],
    &["Verenigde Staten", "Verenigde Staten van Amerika"],
    &["Vaticaanstad"],
    &["Wit-Rusland", "Belarus"],
    &["Zweden"],
    &["Zwitserland"],
];

/// The countries named in `text`, in the order of the list, each once.
/// Names match whole words, ignoring case and accents (`italie` is Italië).
///
/// One pass over the words, each folded as it is read: a name can only
/// match where its first word occurs, so a word is looked up only when its
/// length and first two or three letters are those of some name's first
/// word, and the text is folded whole only for a name of several words
/// whose first word it has.
pub fn countries_in(text: &str) -> Vec<&'static str> {
    let table = first_words();
    let mut hit = [false; COUNTRIES.len()];
    let mut folded: Option<String> = None;
    let mut word = String::new();
    let mut check = |word: &str, hit: &mut [bool]| {
        for &(country, name) in table.get(word) {
            if hit[country] {
                continue;
            }
            let (full, first) = &folded_names()[country][name];
            if full.len() == first.len()
                || contains_word(folded.get_or_insert_with(|| fold(text)), full)
            {
                hit[country] = true;
            }
        }
    };
    // A word is gathered only while it may still be a first word: once its
    // first two or three letters rule that out, the rest of it is passed
    // over.
    let mut skipping = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if skipping {
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i < bytes.len() && bytes[i] < 128 {
                // The end of the word passed over.
                word.clear();
                skipping = false;
                i += 1;
                continue;
            }
            if i >= bytes.len() {
                break;
            }
        }
        let b = bytes[i];
        let (f, len) = if b < 128 {
            (char::from(b.to_ascii_lowercase()), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (fold_char(c), c.len_utf8())
        };
        i += len;
        if f.is_alphanumeric() {
            if !skipping {
                word.push(f);
                skipping = (word.len() == 2 && !table.may_begin(&word))
                    || (word.len() == 3 && !table.may_begin3(&word))
                    || word.len() > table.longest;
            }
            continue;
        }
        if !skipping && word.len() >= table.shortest {
            check(&word, &mut hit);
        }
        word.clear();
        skipping = false;
    }
    if !skipping && word.len() >= table.shortest {
        check(&word, &mut hit);
    }
    COUNTRIES
        .iter()
        .zip(hit)
        .filter_map(|(names, h)| h.then_some(names[0]))
        .collect()
}

/// The first words of the names, folded: for each, the names (country,
/// name) that start with it.
struct FirstWords {
    words: crate::fast_hash::FastMap<String, Vec<(usize, usize)>>,
    /// Bit `128 a + b` is set when some first word starts with the bytes
    /// `a`, `b` (both ASCII).
    pairs: [u64; 256],
    /// Bit `triple(w)` is set for the first three letters of each first
    /// word that begins with three letters a-z.
    triples: [u64; TRIPLE_WORDS],
    shortest: usize,
    longest: usize,
}

impl FirstWords {
    /// A cheap test on a word's first two bytes that rules out nearly
    /// every word of a text.
    fn may_begin(&self, start: &str) -> bool {
        match start.as_bytes() {
            [a, b, ..] if *a < 128 && *b < 128 => {
                let bit = usize::from(*a) * 128 + usize::from(*b);
                self.pairs[bit / 64] & (1 << (bit % 64)) != 0
            }
            _ => true,
        }
    }

    /// The same on a word's first three bytes, when they are letters a-z.
    fn may_begin3(&self, start: &str) -> bool {
        match triple(start) {
            Some(bit) => self.triples[bit / 64] & (1 << (bit % 64)) != 0,
            None => true,
        }
    }

    fn get(&self, word: &str) -> &[(usize, usize)] {
        self.words.get(word).map_or(&[], Vec::as_slice)
    }
}

const TRIPLE_WORDS: usize = (26 * 26 * 26usize).div_ceil(64);

/// The number of a text's first three bytes when they are letters a-z.
fn triple(start: &str) -> Option<usize> {
    match start.as_bytes() {
        [a, b, c, ..] if [a, b, c].iter().all(|x| x.is_ascii_lowercase()) => {
            let n = |x: &u8| usize::from(x - b'a');
            Some((n(a) * 26 + n(b)) * 26 + n(c))
        }
        _ => None,
    }
}

fn first_words() -> &'static FirstWords {
    static TABLE: OnceLock<FirstWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = FirstWords {
            words: Default::default(),
            pairs: [0; 256],
            triples: [0; TRIPLE_WORDS],
            shortest: usize::MAX,
            longest: 0,
        };
        for (country, names) in folded_names().iter().enumerate() {
            for (name, (_, first)) in names.iter().enumerate() {
                t.words
                    .entry(first.clone())
                    .or_default()
                    .push((country, name));
                match first.as_bytes() {
                    [a, b, ..] if *a < 128 && *b < 128 => {
                        let bit = usize::from(*a) * 128 + usize::from(*b);
                        t.pairs[bit / 64] |= 1 << (bit % 64);
                    }
                    // Not reached with the list as it is: a first word of
                    // one letter, or one not ASCII, passes every pair.
                    _ => t.pairs = [u64::MAX; 256],
                }
                if let Some(bit) = triple(first) {
                    t.triples[bit / 64] |= 1 << (bit % 64);
                } else {
                    t.triples = [u64::MAX; TRIPLE_WORDS];
                }
                t.shortest = t.shortest.min(first.len());
                t.longest = t.longest.max(first.len());
            }
        }
        t
    })
}

/// Each name folded, with its first word: computed once.
fn folded_names() -> &'static [Vec<(String, String)>] {
    static FOLDED: OnceLock<Vec<Vec<(String, String)>>> = OnceLock::new();
    FOLDED.get_or_init(|| {
        COUNTRIES
            .iter()
            .map(|names| {
                names
                    .iter()
                    .map(|n| {
                        let name = fold(n);
                        let first = name
                            .split(|c: char| !c.is_alphanumeric())
                            .next()
                            .unwrap_or("")
                            .to_string();
                        (name, first)
                    })
                    .collect()
            })
            .collect()
    })
}

/// The list's own copy of a country name as shown, if it knows it.
pub fn known(name: &str) -> Option<&'static str> {
    known_countries().find(|k| *k == name)
}

/// Reads a list of country names as [`crate::model::Node::countries`] holds
/// them: the list's own copies, so a corpus holds no string per mention.
/// A name the list does not know (not one [`countries_in`] gives) is left
/// out.
pub fn deserialize_names<'de, D>(d: D) -> Result<Vec<&'static str>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let names: Vec<std::borrow::Cow<'de, str>> = serde::Deserialize::deserialize(d)?;
    Ok(names.iter().filter_map(|n| known(n)).collect())
}

/// Every country name the list knows, as shown.
pub fn known_countries() -> impl Iterator<Item = &'static str> {
    COUNTRIES.iter().map(|names| names[0])
}

fn contains_word(haystack: &str, word: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric();
    let mut start = 0;
    while let Some(pos) = haystack[start..].find(word) {
        let at = start + pos;
        let end = at + word.len();
        let before_ok = haystack[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word(c));
        let after_ok = haystack[end..].chars().next().is_none_or(|c| !is_word(c));
        if before_ok && after_ok {
            return true;
        }
        start = at + haystack[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_names_ignoring_case_and_accents() {
        assert_eq!(
            countries_in("samen met Italie en DENEMARKEN"),
            vec!["Denemarken", "Italië"]
        );
        assert_eq!(
            countries_in("de Verenigde Staten van Amerika"),
            vec!["Verenigde Staten"]
        );
    }

    /// The plain way: fold the text, split it into words, and look for
    /// each name.
    fn reference(text: &str) -> Vec<&'static str> {
        let folded = fold(text);
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        COUNTRIES
            .iter()
            .zip(folded_names())
            .filter(|(_, names)| {
                names.iter().any(|(name, first)| {
                    words.contains(&first.as_str())
                        && (name.len() == first.len() || contains_word(&folded, name))
                })
            })
            .map(|(names, _)| names[0])
            .collect()
    }

    #[test]
    fn finds_what_the_plain_way_finds() {
        let texts = [
            "De Verenigde Staten, het Verenigd Koninkrijk en Noord-Macedonië.",
            "Noord Macedonie; wit-Rusland (Belarus) en San  Marino",
            "Bosnië-Herzegovina, BOSNIË EN HERZEGOVINA, Bosnië en\nHerzegovina",
            "ÉÉN Curaçao, IJsland en ijsland, niger-delta, Nigeriaanse",
            "",
            "Italië\nItalie\tItaliё",
        ];
        for t in texts {
            assert_eq!(countries_in(t), reference(t), "{t:?}");
        }
    }

    use proptest::prelude::Strategy;

    proptest::proptest! {
        #[test]
        fn finds_what_the_plain_way_finds_in_any_text(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::string::string_regex("[A-Za-zëïé -]{0,12}").unwrap(),
                    proptest::sample::select(vec![
                        "Italië", "verenigde", "Staten", "noord", "Macedonië", "Wit", "rusland",
                        "San", "Marino", "Bosnië", "en", "Herzegovina", "-", " ", "\n", "Niger",
                    ]).prop_map(String::from),
                ],
                0..12,
            )
        ) {
            let t = words.concat();
            proptest::prop_assert_eq!(countries_in(&t), reference(&t));
        }
    }

    #[test]
    fn does_not_match_inside_words() {
        // "Marokkaanse" is an adjective, "Nigeria" is not "Niger".
        assert!(countries_in("Marokkaanse nationaliteit").is_empty());
        assert_eq!(countries_in("Nigeria"), vec!["Nigeria"]);
    }
}
