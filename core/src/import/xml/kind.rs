//! A Kamerstuk's type, from the known list only: read from the metadata's
//! `DC.type` or from the whole printed title, never copied from either.
//!
//! A type is written in lower case as the list names it. Versions of one
//! kind are that kind: a `GEWIJZIGDE`, `NADER GEWIJZIGDE` or `TWEEDE NADER
//! GEWIJZIGDE MOTIE` is a `motie`, a `GEWIJZIGD AMENDEMENT` an
//! `amendement`, a `TWEEDE NOTA VAN WIJZIGING` a `nota van wijziging`; the
//! title says which version it is.

/// The kinds of Kamerstuk the import knows, each with the phrases a title
/// or the metadata names it by (lower case, longest first where one
/// phrase starts another).
pub const KNOWN_TYPES: &[(&str, &[&str])] = &[
    ("motie", &["motie"]),
    ("amendement", &["amendement", "subamendement"]),
    (
        "brief",
        &[
            "brief",
            "brief regering",
            "brief commissie",
            "brief kamer",
            "geleidende brief",
        ],
    ),
    (
        "verslag van een schriftelijk overleg",
        &["verslag van een schriftelijk overleg"],
    ),
    (
        "verslag van een commissiedebat",
        &["verslag van een commissiedebat"],
    ),
    (
        "verslag van een wetgevingsoverleg",
        &["verslag van een wetgevingsoverleg"],
    ),
    (
        "verslag van een notaoverleg",
        &["verslag van een notaoverleg"],
    ),
    (
        "verslag van een algemeen overleg",
        &["verslag van een algemeen overleg"],
    ),
    (
        "lijst van vragen en antwoorden",
        &[
            "lijst van vragen en antwoorden",
            "verslag houdende een lijst van vragen en antwoorden",
            "lijst van vragen",
        ],
    ),
    (
        "voorlopig verslag",
        &["voorlopig verslag", "nader voorlopig verslag"],
    ),
    ("eindverslag", &["eindverslag"]),
    ("jaarverslag", &["jaarverslag"]),
    ("verslag", &["verslag"]),
    (
        "nota naar aanleiding van het verslag",
        &[
            "nota naar aanleiding van het verslag",
            "nota naar aanleiding van het nader verslag",
            "nota naar aanleiding van het eindverslag",
        ],
    ),
    ("nota van wijziging", &["nota van wijziging"]),
    ("memorie van toelichting", &["memorie van toelichting"]),
    (
        "memorie van antwoord",
        &["memorie van antwoord", "nadere memorie van antwoord"],
    ),
    (
        "voorstel van wet",
        &[
            "voorstel van wet",
            "voorstel van rijkswet",
            "wetsvoorstel",
            "ontwerp van wet",
        ],
    ),
    (
        "advies raad van state",
        &[
            "advies raad van state",
            "advies afdeling advisering raad van state",
            "advies van de afdeling advisering van de raad van state",
            "advies raad van state en nader rapport",
        ],
    ),
    (
        "voorlichting raad van state",
        &[
            "voorlichting raad van state",
            "voorlichting van de afdeling advisering van de raad van state",
        ],
    ),
    ("nader rapport", &["nader rapport"]),
    ("koninklijke boodschap", &["koninklijke boodschap"]),
    ("nota", &["nota"]),
    ("rapport", &["rapport"]),
    ("bijlage", &["bijlage"]),
];

/// Words that say which version of a kind a title is, before the kind.
const VERSION_WORDS: [&str; 9] = [
    "gewijzigde",
    "gewijzigd",
    "nader",
    "nadere",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "herdruk",
];

/// The known type a title or a metadata value names: its words lower
/// case, version words (`gewijzigde`, `nader`, `tweede` …) passed over,
/// then the longest phrase of the list it starts with, whole words only.
pub fn known_type(text: &str) -> Option<&'static str> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .take(16)
        .map(str::to_lowercase)
        .collect();
    let first_kind_word = words
        .iter()
        .position(|w| !VERSION_WORDS.contains(&w.as_str()))?;
    // `NADER RAPPORT` is a kind of its own, `NADER GEWIJZIGDE MOTIE` a
    // motie: the earliest start that names a kind wins.
    (0..=first_kind_word).find_map(|start| longest_phrase(&words[start..]))
}

fn longest_phrase(words: &[String]) -> Option<&'static str> {
    let mut best: Option<(&'static str, usize)> = None;
    for (kind, phrases) in KNOWN_TYPES {
        for phrase in *phrases {
            let n = phrase.split(' ').count();
            let matches =
                words.len() >= n && phrase.split(' ').zip(words).all(|(p, w)| p == w.as_str());
            if matches && best.is_none_or(|(_, m)| n > m) {
                best = Some((kind, n));
            }
        }
    }
    best.map(|(kind, _)| kind)
}

/// The known type a metadata value is, when it names a kind and nothing
/// more (`Motie`, `Gewijzigde motie`; not `Motie; rm -rf`): a title goes
/// on after its kind, a type does not.
pub fn exact_type(value: &str) -> Option<&'static str> {
    let words: Vec<String> = value
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let phrase = |words: &[&String]| {
        let joined: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
        let joined = joined.join(" ");
        KNOWN_TYPES
            .iter()
            .find(|(_, phrases)| phrases.contains(&joined.as_str()))
            .map(|(kind, _)| *kind)
    };
    // As given (`Nader rapport`), else without its version words
    // (`Gewijzigde motie`, `Motie (gewijzigd)`).
    let all: Vec<&String> = words.iter().collect();
    let kind_words: Vec<&String> = words
        .iter()
        .filter(|w| !VERSION_WORDS.contains(&w.as_str()))
        .collect();
    phrase(&all).or_else(|| phrase(&kind_words))
}

/// Whether a lower-case type is one of the list's.
pub fn is_known(doc_type: &str) -> bool {
    KNOWN_TYPES.iter().any(|(k, _)| *k == doc_type)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One printed title (or metadata value) per kind, as the official
    /// publications print them.
    #[test]
    fn every_kind_is_read_from_its_whole_title() {
        let cases = [
            ("MOTIE VAN HET LID EERDMANS C.S.", "motie"),
            (
                "GEWIJZIGDE MOTIE VAN HET LID FLACH C.S. TER VERVANGING VAN DIE GEDRUKT ONDER NR. 414",
                "motie",
            ),
            (
                "NADER GEWIJZIGDE MOTIE VAN DE LEDEN VAN BAARLE EN DOBBE TER VERVANGING VAN DIE GEDRUKT ONDER NR. 12",
                "motie",
            ),
            (
                "TWEEDE NADER GEWIJZIGDE MOTIE VAN HET LID KOSTIĆ TER VERVANGING VAN DIE GEDRUKT ONDER NR. 40",
                "motie",
            ),
            ("AMENDEMENT VAN HET LID SNELLER", "amendement"),
            (
                "GEWIJZIGD AMENDEMENT VAN HET LID SNELLER TER VERVANGING VAN DIE GEDRUKT ONDER NR. 9",
                "amendement",
            ),
            (
                "NADER GEWIJZIGD AMENDEMENT VAN HET LID BIKKER",
                "amendement",
            ),
            ("SUBAMENDEMENT VAN HET LID OMTZIGT", "amendement"),
            ("BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID", "brief"),
            ("VERSLAG", "verslag"),
            (
                "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG",
                "verslag van een schriftelijk overleg",
            ),
            (
                "VERSLAG VAN EEN COMMISSIEDEBAT",
                "verslag van een commissiedebat",
            ),
            (
                "VERSLAG VAN EEN WETGEVINGSOVERLEG",
                "verslag van een wetgevingsoverleg",
            ),
            ("VERSLAG VAN EEN NOTAOVERLEG", "verslag van een notaoverleg"),
            (
                "VERSLAG VAN EEN ALGEMEEN OVERLEG",
                "verslag van een algemeen overleg",
            ),
            ("VOORLOPIG VERSLAG", "voorlopig verslag"),
            ("NADER VOORLOPIG VERSLAG", "voorlopig verslag"),
            ("EINDVERSLAG", "eindverslag"),
            ("JAARVERSLAG 2024", "jaarverslag"),
            (
                "NOTA NAAR AANLEIDING VAN HET VERSLAG",
                "nota naar aanleiding van het verslag",
            ),
            ("NOTA VAN WIJZIGING", "nota van wijziging"),
            ("TWEEDE NOTA VAN WIJZIGING", "nota van wijziging"),
            ("MEMORIE VAN TOELICHTING", "memorie van toelichting"),
            ("MEMORIE VAN ANTWOORD", "memorie van antwoord"),
            ("NADERE MEMORIE VAN ANTWOORD", "memorie van antwoord"),
            ("VOORSTEL VAN WET", "voorstel van wet"),
            ("VOORSTEL VAN RIJKSWET", "voorstel van wet"),
            (
                "ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER RAPPORT",
                "advies raad van state",
            ),
            ("Advies Raad van State", "advies raad van state"),
            ("NADER RAPPORT", "nader rapport"),
            (
                "VOORLICHTING VAN DE AFDELING ADVISERING VAN DE RAAD VAN STATE",
                "voorlichting raad van state",
            ),
            ("GELEIDENDE BRIEF", "brief"),
            ("ONTWERP VAN WET", "voorstel van wet"),
            ("GEWIJZIGD VOORSTEL VAN WET", "voorstel van wet"),
            (
                "LIJST VAN VRAGEN EN ANTWOORDEN",
                "lijst van vragen en antwoorden",
            ),
            (
                "VERSLAG HOUDENDE EEN LIJST VAN VRAGEN EN ANTWOORDEN",
                "lijst van vragen en antwoorden",
            ),
            ("KONINKLIJKE BOODSCHAP", "koninklijke boodschap"),
            ("NOTA", "nota"),
            ("RAPPORT", "rapport"),
            ("Bijlage", "bijlage"),
            ("Motie", "motie"),
        ];
        for (title, kind) in cases {
            assert_eq!(known_type(title), Some(kind), "{title}");
            assert!(is_known(kind), "{kind}");
        }
        // Every kind of the list has a case above.
        for (kind, _) in KNOWN_TYPES {
            assert!(cases.iter().any(|(_, k)| k == kind), "{kind} untested");
        }
    }

    #[test]
    fn what_is_no_kind_is_none() {
        for title in [
            "TWEEDE KAMER",
            "Kamerstuk",
            "NOTARIS",
            "MOTIEVEN",
            "GEWIJZIGDE",
            "",
            "Vaststelling van de begrotingsstaten",
            "Motie\u{202e}; rm -rf",
        ] {
            let got = known_type(title);
            assert!(
                got.is_none() || title.starts_with("Motie"),
                "{title}: {got:?}"
            );
        }
        assert_eq!(known_type("Motie\u{202e}; rm -rf"), None);
        assert_eq!(exact_type("Motie; rm -rf"), None);
        assert_eq!(exact_type("Motie van het lid X"), None);
        assert_eq!(exact_type("Gewijzigde  Motie"), Some("motie"));
        assert_eq!(exact_type("Nader rapport"), Some("nader rapport"));
        assert_eq!(exact_type("Nota van wijziging"), Some("nota van wijziging"));
        assert_eq!(exact_type("Motie (gewijzigd)"), Some("motie"));
        assert_eq!(exact_type("Brief regering"), Some("brief"));
        assert_eq!(exact_type("Tweede"), None);
    }
}
