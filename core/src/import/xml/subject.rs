//! What tells a document apart where its metadata gives no title with a
//! subject: its submitters, named in its printed title (`MOTIE VAN HET LID
//! EERDMANS C.S.` → Eerdmans), and its subject, taken word for word from
//! its own text — a motie's request (`verzoekt de regering …`), an
//! amendment's account of what it does (`Dit amendement regelt …`). A
//! long subject is shortened at a word, with `…`. No word is made up: a
//! name is written as the document's own closing lines spell it, else as
//! the title does with only its capitals undone.

use super::super::{Block, Inline};

/// A subject is cut at a word before this many characters.
pub const SUBJECT_CHARS: usize = 160;

/// Finite verbs a motie's operative part starts with.
const REQUESTS: [&str; 14] = [
    "verzoekt",
    "roept",
    "spreekt",
    "draagt",
    "dringt",
    "besluit",
    "vraagt",
    "geeft",
    "wijst",
    "keurt",
    "nodigt",
    "betreurt",
    "veroordeelt",
    "verklaart",
];

/// Words of a name that stay lower case where the name does not start
/// with them: `VAN DER PLAS` is `Van der Plas`, `JANSEN VAN DE BERG`
/// `Jansen van de Berg`.
const PARTICLES: [&str; 11] = [
    "van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "'t",
];

/// The names a printed title gives its submitters by: `MOTIE VAN DE
/// LEDEN VAN BAARLE EN DOBBE` → `VAN BAARLE`, `DOBBE`.
pub fn names_in_title(title: &str) -> Vec<String> {
    let upper = title.to_uppercase();
    let start = ["VAN HET LID ", "VAN DE LEDEN "]
        .iter()
        .filter_map(|m| upper.find(m).map(|k| k + m.len()))
        .min()
        .or_else(|| {
            // `GEWIJZIGDE MOTIE VAN KOSTIĆ …`: the first `VAN` after the kind.
            let kind_end = ["MOTIE VAN ", "AMENDEMENT VAN "]
                .iter()
                .filter_map(|m| upper.find(m).map(|k| k + m.len()))
                .min()?;
            Some(kind_end)
        });
    let Some(start) = start else {
        return Vec::new();
    };
    let rest = &title[start..];
    let rest_upper = &upper[start..];
    let end = [" TER VERVANGING", " C.S.", " OVER ", " INZAKE "]
        .iter()
        .filter_map(|m| rest_upper.find(m))
        .min()
        .unwrap_or(rest.len());
    let Some(names) = rest.get(..end) else {
        return Vec::new();
    };
    names
        .split(", ")
        .flat_map(|part| split_en(part))
        .map(|n| n.trim().trim_end_matches(',').trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// `VAN BAARLE EN DOBBE` → `VAN BAARLE`, `DOBBE`.
fn split_en(part: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = part;
    while let Some(k) = rest
        .to_uppercase()
        .find(" EN ")
        .filter(|&k| rest.is_char_boundary(k))
    {
        out.push(&rest[..k]);
        rest = &rest[k + 4..];
    }
    out.push(rest);
    out
}

/// A name as the document spells it: a short paragraph of its own that is
/// the name (its closing lines), else the title's name with its capitals
/// undone (`DANIËLLE JANSEN` → `Daniëlle Jansen`).
pub fn spell_name(name: &str, lines: &[String]) -> String {
    let upper = name.to_uppercase();
    if let Some(own) = lines
        .iter()
        .map(|l| l.trim().trim_end_matches(',').trim())
        .find(|l| l.to_uppercase() == upper)
    {
        return own.to_string();
    }
    let mut out = Vec::new();
    for (i, word) in name.split_whitespace().enumerate() {
        let lower = word.to_lowercase();
        if i > 0 && PARTICLES.contains(&lower.as_str()) {
            out.push(lower);
            continue;
        }
        let parts: Vec<String> = lower.split('-').map(capitalise).collect();
        out.push(parts.join("-"));
    }
    out.join(" ")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The text of a paragraph as it reads: citations by their label,
/// footnote markers left out.
pub fn plain(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => s.push_str(t),
            Inline::Cite { label, .. } | Inline::Annex { label, .. } => s.push_str(label),
            Inline::Note(_) => {}
        }
    }
    super::super::collapse(&s)
}

/// Short paragraphs of the text: where a motie's closing names stand.
pub fn short_lines(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { inlines, .. } => Some(plain(inlines)),
            _ => None,
        })
        .filter(|t| t.chars().count() <= 60)
        .collect()
}

/// A motie's request: its first paragraph that starts with an operative
/// verb, with the items of the list that follows when it ends in one
/// (`verzoekt de regering om` + `• …`), up to `en gaat over tot de orde
/// van de dag`.
pub fn motie_request(blocks: &[Block]) -> Option<String> {
    let paragraphs: Vec<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { inlines, .. } => Some(plain(inlines)),
            _ => None,
        })
        .collect();
    let start = paragraphs.iter().position(|p| {
        let first = p.split_whitespace().next().unwrap_or("").to_lowercase();
        REQUESTS.contains(&first.as_str())
    })?;
    let mut text = paragraphs[start].clone();
    for p in &paragraphs[start + 1..] {
        if text.chars().count() >= SUBJECT_CHARS
            || p.to_lowercase().starts_with("en gaat over tot de orde")
        {
            break;
        }
        let item = p.trim_start_matches(|c: char| !c.is_alphanumeric());
        text.push(' ');
        text.push_str(item);
    }
    Some(shorten(&text))
}

/// What an amendment does, in its own words: the first paragraph that
/// speaks of `dit amendement`, else the first of its explanation
/// (`Toelichting`).
pub fn amendment_purpose(blocks: &[Block]) -> Option<String> {
    let mut after_toelichting = None;
    let mut in_toelichting = false;
    for b in blocks {
        match b {
            Block::Heading { text, .. } => {
                in_toelichting = text.trim().eq_ignore_ascii_case("toelichting");
            }
            Block::Paragraph { inlines, .. } => {
                let text = plain(inlines);
                let lower = text.to_lowercase();
                if lower.contains("dit amendement") || lower.contains("dit subamendement") {
                    return Some(shorten(&text));
                }
                if lower.trim() == "toelichting" {
                    in_toelichting = true;
                } else if in_toelichting && after_toelichting.is_none() && !text.is_empty() {
                    after_toelichting = Some(text);
                }
            }
            Block::End { .. } => {}
        }
    }
    after_toelichting.map(|t| shorten(&t))
}

/// At most [`SUBJECT_CHARS`] characters, cut at a word, `…` where cut;
/// a closing comma or semicolon dropped.
pub fn shorten(text: &str) -> String {
    let text = text.trim().trim_end_matches([',', ';']).trim_end();
    if text.chars().count() <= SUBJECT_CHARS {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(SUBJECT_CHARS)
        .map_or(text.len(), |(k, _)| k);
    let head = &text[..cut];
    let at_word = head.rfind(' ').filter(|&k| k > 0).unwrap_or(cut);
    format!(
        "{}…",
        head[..at_word].trim_end().trim_end_matches([',', ';', ':'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(t: &str) -> Block {
        Block::Paragraph {
            inlines: vec![Inline::Text(t.into())],
            line: 1,
        }
    }

    #[test]
    fn names_come_from_the_title_spelled_as_the_text_spells_them() {
        assert_eq!(
            names_in_title("MOTIE VAN HET LID EERDMANS C.S."),
            ["EERDMANS"]
        );
        assert_eq!(
            names_in_title("MOTIE VAN DE LEDEN VAN BAARLE EN DOBBE"),
            ["VAN BAARLE", "DOBBE"]
        );
        assert_eq!(
            names_in_title("MOTIE VAN DE LEDEN SIX DIJKSTRA, VAN DIJK EN MICHON-DERKZEN"),
            ["SIX DIJKSTRA", "VAN DIJK", "MICHON-DERKZEN"]
        );
        assert_eq!(
            names_in_title(
                "GEWIJZIGDE MOTIE VAN KOSTIĆ TER VERVANGING VAN DIE GEDRUKT ONDER NR. 45"
            ),
            ["KOSTIĆ"]
        );
        assert_eq!(
            names_in_title(
                "TWEEDE NADER GEWIJZIGDE MOTIE VAN HET LID EERDMANS TER VERVANGING VAN DIE GEDRUKT ONDER NR. 12"
            ),
            ["EERDMANS"]
        );
        assert!(names_in_title("BRIEF VAN DE MINISTER VAN FINANCIËN").is_empty());
        let lines = vec!["Van Baarle".to_string(), "Dobbe,".to_string()];
        assert_eq!(spell_name("VAN BAARLE", &lines), "Van Baarle");
        assert_eq!(spell_name("DOBBE", &lines), "Dobbe");
        assert_eq!(spell_name("DANIËLLE JANSEN", &[]), "Daniëlle Jansen");
        assert_eq!(spell_name("VAN DER PLAS", &[]), "Van der Plas");
        assert_eq!(spell_name("MICHON-DERKZEN", &[]), "Michon-Derkzen");
    }

    #[test]
    fn a_motie_is_told_by_its_request_word_for_word() {
        let blocks = [
            para("De Kamer,"),
            para("constaterende dat het regent;"),
            para("verzoekt de regering om"),
            para("• een paraplu te kopen;"),
            para("• die te delen,"),
            para("en gaat over tot de orde van de dag."),
            para("Eerdmans"),
        ];
        assert_eq!(
            motie_request(&blocks).as_deref(),
            Some("verzoekt de regering om een paraplu te kopen; die te delen")
        );
        let long = format!("verzoekt de regering {}", "heel ".repeat(60));
        let s = motie_request(&[para(&long)]).unwrap();
        assert!(s.ends_with("heel…"), "{s}");
        assert!(s.chars().count() <= SUBJECT_CHARS + 1);
        assert!(
            s.trim_end_matches('…')
                .split(' ')
                .all(|w| long.split(' ').any(|x| x == w))
        );
    }

    #[test]
    fn an_amendment_is_told_by_what_it_does() {
        let blocks = [
            para("Ontvangen 3 december 2024"),
            para("In artikel 1 wordt „twee” vervangen door „drie”."),
            Block::Heading {
                level: 1,
                text: "Toelichting".into(),
                line: 1,
            },
            para("Dit amendement regelt dat het drie wordt."),
        ];
        assert_eq!(
            amendment_purpose(&blocks).as_deref(),
            Some("Dit amendement regelt dat het drie wordt.")
        );
        let blocks = [
            para("Toelichting"),
            para("Indiener wil meer geld voor de politie."),
        ];
        assert_eq!(
            amendment_purpose(&blocks).as_deref(),
            Some("Indiener wil meer geld voor de politie.")
        );
    }
}
