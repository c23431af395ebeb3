//! Countries named in a text, found from a list of Dutch country names, so
//! filtering by country works on any dossier without tagging by hand.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::text::fold;

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
pub fn countries_in(text: &str) -> Vec<&'static str> {
    let folded = fold(text);
    // One pass over the words: a name can only match where its first word
    // occurs, so most names are ruled out by a set lookup.
    let words: HashSet<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = Vec::new();
    for (names, folded_names) in COUNTRIES.iter().zip(folded_names()) {
        let hit = folded_names.iter().any(|(name, first)| {
            words.contains(first.as_str())
                && (name.len() == first.len() || contains_word(&folded, name))
        });
        if hit {
            found.push(names[0]);
        }
    }
    found
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

    #[test]
    fn does_not_match_inside_words() {
        // "Marokkaanse" is an adjective, "Nigeria" is not "Niger".
        assert!(countries_in("Marokkaanse nationaliteit").is_empty());
        assert_eq!(countries_in("Nigeria"), vec!["Nigeria"]);
    }
}
