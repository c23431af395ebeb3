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
/// One pass over the words: a name can only match where its first word
/// occurs, so each word is folded as it is read and walked through a trie
/// of the names' first words; once it leaves the trie, the rest of the
/// word is passed over. A name of several words is compared where its
/// first word stands, over the name's length only, so the work is linear
/// in the text whatever it holds.
pub fn countries_in(text: &str) -> Vec<&'static str> {
    countries_counted(text, &mut 0)
}

/// [`countries_in`], adding to `steps` the characters it compared beyond
/// the one pass over the text (a name's further words): the measure a test
/// can hold linear.
fn countries_counted(text: &str, steps: &mut usize) -> Vec<&'static str> {
    let trie = first_words();
    let mut hit = [false; COUNTRIES.len()];
    let bytes = text.as_bytes();
    let n = bytes.len();
    let class = |i: usize| BYTE_CLASS[usize::from(bytes[i])];
    let mut i = 0;
    while i < n {
        if class(i) == SEPARATOR {
            i += 1;
            continue;
        }
        // A word starts at `i`. Most words begin with two ASCII letters
        // that no first word begins with: pass over their ASCII letters.
        let start = i;
        let mut state = ROOT;
        if i + 1 < n && !trie.may_begin(class(i), class(i + 1)) {
            i += 2;
            while i < n && class(i) < STEPS {
                i += 1;
            }
            if i >= n || class(i) == SEPARATOR {
                i += 1;
                continue;
            }
            // A character not ASCII may go on with the word.
            state = OUT;
        }
        // Walk the word through the trie.
        while i < n {
            let k = class(i);
            if k < STEPS {
                state = trie.step(state, usize::from(k));
                i += 1;
                if state == OUT {
                    // Out of the trie: pass over the rest of the word.
                    while i < n && class(i) < STEPS {
                        i += 1;
                    }
                }
            } else if k == SEPARATOR {
                i += 1;
                break;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                let f = fold_char(c);
                if !f.is_alphanumeric() {
                    break;
                }
                state = step_of(f).map_or(OUT, |s| trie.step(state, s));
            }
        }
        if state == OUT {
            continue;
        }
        for &(country, name) in trie.ends(state) {
            if hit[country] {
                continue;
            }
            let (full, first) = &folded_names()[country][name];
            if full.len() == first.len()
                || starts_with_word(text.get(start..).unwrap_or(""), full, steps)
            {
                hit[country] = true;
            }
        }
    }
    COUNTRIES
        .iter()
        .zip(hit)
        .filter_map(|(names, h)| h.then_some(names[0]))
        .collect()
}

/// A trie state: where a word read so far stands among the first words.
type State = u16;
/// No first word begins with what was read.
const OUT: State = 0;
/// Nothing read yet.
const ROOT: State = 1;

/// The letters and digits a trie step knows; any other character leaves
/// the trie.
const STEP_CHARS: usize = 36;
/// [`STEP_CHARS`] as a byte class: classes below it are steps.
const STEPS: u8 = STEP_CHARS as u8;
/// The class of an ASCII byte that is not a letter or digit.
const SEPARATOR: u8 = 254;
/// The class of a byte of a character that is not ASCII.
const WIDE: u8 = 255;

/// Each byte's class: its step for an ASCII letter (folded) or digit.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        let c = (b as u8).to_ascii_lowercase();
        t[b] = match c {
            b'a'..=b'z' => c - b'a',
            b'0'..=b'9' => 26 + c - b'0',
            _ => SEPARATOR,
        };
        b += 1;
    }
    t
};

fn step_of(c: char) -> Option<usize> {
    match c {
        'a'..='z' => Some(c as usize - 'a' as usize),
        '0'..='9' => Some(26 + c as usize - '0' as usize),
        _ => None,
    }
}

/// The names' first words, folded, as a trie over their characters.
struct FirstWords {
    /// `next[state][step]`: the state after one more character.
    next: Vec<[State; STEP_CHARS]>,
    /// For each state, the names (country, name) whose first word ends
    /// there.
    ends: Vec<Vec<(usize, usize)>>,
    /// `pairs[a * STEP_CHARS + b]`: whether a first word begins with the
    /// steps `a`, `b`.
    pairs: Vec<bool>,
}

impl FirstWords {
    fn step(&self, state: State, step: usize) -> State {
        self.next[usize::from(state)][step]
    }

    /// Whether a first word may begin with two bytes of these classes
    /// ([`BYTE_CLASS`]): false only for two ASCII letters or digits that
    /// no first word begins with.
    fn may_begin(&self, a: u8, b: u8) -> bool {
        if a >= STEPS || b >= STEPS {
            return true;
        }
        self.pairs[usize::from(a) * STEP_CHARS + usize::from(b)]
    }

    fn ends(&self, state: State) -> &[(usize, usize)] {
        &self.ends[usize::from(state)]
    }
}

fn first_words() -> &'static FirstWords {
    static TABLE: OnceLock<FirstWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        // State 0 is OUT, which every step leaves as it is; 1 is the root.
        let mut t = FirstWords {
            next: vec![[OUT; STEP_CHARS]; 2],
            ends: vec![Vec::new(); 2],
            pairs: vec![false; STEP_CHARS * STEP_CHARS],
        };
        for (country, names) in folded_names().iter().enumerate() {
            for (name, (_, first)) in names.iter().enumerate() {
                let mut state = ROOT;
                for c in first.chars() {
                    // Not reached with the list as it is: every first
                    // word folds to letters a-z.
                    let Some(s) = step_of(c) else {
                        state = OUT;
                        break;
                    };
                    let to = t.next[usize::from(state)][s];
                    state = if to == OUT {
                        let new = State::try_from(t.next.len()).unwrap_or(OUT);
                        t.next.push([OUT; STEP_CHARS]);
                        t.ends.push(Vec::new());
                        t.next[usize::from(state)][s] = new;
                        new
                    } else {
                        to
                    };
                }
                if state != OUT && state != ROOT {
                    t.ends[usize::from(state)].push((country, name));
                }
            }
        }
        for a in 0..STEP_CHARS {
            for b in 0..STEP_CHARS {
                t.pairs[a * STEP_CHARS + b] = t.step(t.step(ROOT, a), b) != OUT;
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

/// Whether `text`, folded, begins with the folded `name` followed by the
/// end of a word. Each character folds to one, so the comparison stops
/// after the name's length.
fn starts_with_word(text: &str, name: &str, steps: &mut usize) -> bool {
    let mut chars = text.chars();
    for want in name.chars() {
        *steps += 1;
        if chars.next().map(fold_char) != Some(want) {
            return false;
        }
    }
    chars.next().is_none_or(|c| !fold_char(c).is_alphanumeric())
}

#[cfg(test)]
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

    proptest::proptest! {
        #[test]
        fn finds_what_the_plain_way_finds_in_text_with_accents_and_marks(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::string::string_regex(r"[A-Za-z0-9ëïéÉËçĳ\u{a0}\u{2009}\u{85}\u{1f}\t\n ,.()\[\]-]{0,16}").unwrap(),
                    proptest::string::string_regex(".{0,6}").unwrap(),
                    proptest::sample::select(vec![
                        "Italië", "ITALIE", "verenigde", "Staten", "noord", "Macedonië", "Wit",
                        "rusland", "San", "Marino", "Bosnië", "en", "Herzegovina", "IJsland",
                        "Ĳsland", "Niger", "Nigeria", "nederlandse", "Ierland", "iran", "Irak",
                        "-", " ", "\n", "\u{a0}", "ë",
                    ]).prop_map(String::from),
                ],
                0..16,
            )
        ) {
            let t = words.concat();
            proptest::prop_assert_eq!(countries_in(&t), reference(&t));
        }
    }

    /// The work of a scan: the bytes of its one pass and the characters
    /// it compared beyond it.
    fn work(text: &str) -> usize {
        let mut steps = text.len();
        let _ = countries_counted(text, &mut steps);
        steps
    }

    #[test]
    fn doubling_a_paragraph_at_most_doubles_the_work() {
        // Every first word of a name of several words, each without the
        // rest of its name: each occurrence once made a scan of the whole
        // text.
        let unit = "Verenigde Noord Bosnië San Wit verenigde-koninkrijkje Staten ";
        for seed in [
            unit,
            "de Verenigde Staten en Italië ",
            "Noord-Macedonië Wit-Rusland ",
        ] {
            let mut para = seed.repeat(64);
            let mut before = work(&para);
            for _ in 0..6 {
                para = para.repeat(2);
                let after = work(&para);
                assert!(after <= 2 * before + 64, "{after} > 2 × {before}");
                before = after;
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn doubling_any_paragraph_at_most_doubles_the_work(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Verenigde", "Verenigd", "Staten", "Koninkrijk", "Noord", "Macedonië",
                    "Wit", "Rusland", "San", "Marino", "Bosnië", "en", "Herzegovina", "de",
                    "Italië", "Raad", "noord-", "wit-", "VERENIGDE", "van", "Amerika", " ",
                ]),
                1..200,
            )
        ) {
            let para = words.join(" ");
            let doubled = format!("{para} {para}");
            let (one, two) = (work(&para), work(&doubled));
            proptest::prop_assert!(two <= 2 * one + 64, "{} > 2 × {}", two, one);
        }
    }

    #[test]
    fn a_name_of_several_words_counts_where_its_first_word_stands() {
        assert_eq!(
            countries_in("Verenigde Verenigde Staten"),
            vec!["Verenigde Staten"]
        );
        assert!(countries_in("Verenigde Statenbond").is_empty());
        assert!(countries_in("Verenigde").is_empty());
        assert_eq!(countries_in("noord-MACEDONIË."), vec!["Noord-Macedonië"]);
    }

    #[test]
    fn does_not_match_inside_words() {
        // "Marokkaanse" is an adjective, "Nigeria" is not "Niger".
        assert!(countries_in("Marokkaanse nationaliteit").is_empty());
        assert_eq!(countries_in("Nigeria"), vec!["Nigeria"]);
    }
}
