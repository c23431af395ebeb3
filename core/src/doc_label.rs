//! What tells one document from another in a list: its number, kind,
//! submitter or sender, subject and date, fitted to the room a row has,
//! the most telling words first. The tree, the finder and the timeline all
//! label documents this way.
//!
//! Where the metadata names no submitter or subject, they are read from
//! the document's title as the Kamer writes it: `Motie van het lid Ram
//! over organisaties in de keten …` gives `Ram` and `organisaties in de
//! keten …`. Nothing is invented: a title that does not read that way is
//! the subject as it stands.

use unicode_width::UnicodeWidthChar;

use crate::doc_kind::DocKind;
use crate::lang::Lang;
use crate::messages::{capitalised, messages};
use crate::model::{LetterMeta, Node};

/// Between the parts of a label.
pub const SEPARATOR: &str = " · ";

/// The parts of a document's label, each already in the words shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocLabel {
    /// `Nr. 287`, or with the dossier `21501-04 nr. 287`.
    pub number: Option<String>,
    /// `Motie Ram`, `Brief`: the kind with whoever submitted or sent it.
    pub kind_who: String,
    /// `Ram`: who submitted or sent it, where known; what a narrow row
    /// keeps of `kind_who`, since the submitter tells moties apart.
    pub who: Option<String>,
    /// `15-05-2025`.
    pub date: Option<String>,
    /// What it is about.
    pub subject: Option<String>,
}

/// The submitter (`Ram`, `Kahraman c.s.`) and subject a title gives, as
/// the Kamer titles moties and amendementen: `Motie van het lid X over Y`,
/// `Gewijzigd amendement van de leden X en Z ter vervanging van …`.
pub fn from_title(title: &str) -> (Option<String>, Option<String>) {
    let t = title.trim();
    let lower = t.to_lowercase();
    let who_start = ["van het lid ", "van de leden ", "van het kamerlid "]
        .iter()
        .find_map(|p| lower.find(p).map(|i| i + p.len()));
    let over = lower.find(" over ");
    // `Kamerbrief van 17 december 2025: verslag van de JBZ-Raad`: what
    // follows the colon, where what precedes it names the kind.
    let after_colon = || {
        let (head, tail) = t.split_once(": ")?;
        (DocKind::of(head) != DocKind::Kamerstuk).then(|| tail.trim().to_string())
    };
    let subject = over
        .map(|i| t[i + " over ".len()..].trim().to_string())
        .or_else(after_colon)
        .filter(|s| !s.is_empty());
    let who = who_start.map(|start| {
        let end = [" over ", " ter ", " inzake ", " met ", " voorgesteld "]
            .iter()
            .filter_map(|p| lower[start..].find(p).map(|i| start + i))
            .min()
            .unwrap_or(t.len());
        t[start..end].trim().to_string()
    });
    let who = who.filter(|w| !w.is_empty()).map(|w| unshout(&w));
    // A title with neither is its own subject, unless it only names the kind.
    let subject = match (&who, subject) {
        (None, None)
            if DocKind::of(t) == DocKind::Kamerstuk || t.split_whitespace().count() > 2 =>
        {
            Some(t.to_string()).filter(|s| !s.is_empty())
        }
        (_, s) => s,
    };
    (who, subject)
}

impl DocLabel {
    /// The label of a document. `with_dossier` writes the dossier number
    /// with the document's (`21501-04 nr. 287`), for lists that do not
    /// group by dossier. `submitters` and `subject` are the metadata's,
    /// where it has them; else they come from the title.
    pub fn new(
        meta: &LetterMeta,
        title: &str,
        submitters: &[String],
        subject: Option<&str>,
        lang: Lang,
        with_dossier: bool,
    ) -> DocLabel {
        let kind = meta.kind();
        let (title_who, title_subject) = from_title(title);
        let who = match submitters {
            [] => title_who,
            [one] => Some(surname(one)),
            [first, ..] => Some(format!("{} c.s.", surname(first))),
        };
        let kind = capitalised(messages(lang).shared.doc_kind(kind));
        let kind_who = match &who {
            Some(w) => format!("{kind} {w}"),
            None => kind,
        };
        let number = meta.kamerstuk.as_ref().map(|k| {
            if with_dossier {
                format!("{} nr. {}", k.dossier, k.number)
            } else {
                format!("Nr. {}", k.number)
            }
        });
        DocLabel {
            number,
            kind_who,
            who,
            date: Some(meta.numeric_date(lang)).filter(|d| !d.is_empty()),
            subject: subject
                .map(str::to_string)
                .filter(|s| !s.trim().is_empty())
                .or(title_subject),
        }
    }

    /// The label of a node that is a document, else `None`.
    pub fn of_node(node: &Node, lang: Lang, with_dossier: bool) -> Option<DocLabel> {
        let meta = node.letter.as_deref()?;
        Some(DocLabel::new(
            meta,
            &node.title,
            &meta.submitters,
            meta.subject.as_deref(),
            lang,
            with_dossier,
        ))
    }

    /// The label in at most `width` columns: number, kind and submitter,
    /// date, subject, in that order; the first part that does not fit is
    /// cut with `…` where a few words of it fit, and what follows is left
    /// out.
    pub fn fit(&self, width: usize) -> String {
        // Too narrow for kind and submitter: the submitter alone, cut if
        // need be.
        let head = self
            .number
            .as_deref()
            .map_or(0, |n| cols(n) + cols(SEPARATOR));
        if let Some(who) = &self.who
            && head + cols(&self.kind_who) > width
        {
            // Where even a cut submitter (six columns at least) would not
            // follow it, the number goes without its `Nr.`: `2254 · Ceder`
            // says more than `Nr. 2254`.
            let number = self.number.as_deref().unwrap_or("");
            let number = match number.rsplit_once(' ') {
                Some((_, bare)) if width.saturating_sub(head) < cols(who).min(6) => bare,
                _ => number,
            };
            return fit(&[number, who], width);
        }
        let parts: Vec<&str> = [
            self.number.as_deref(),
            Some(self.kind_who.as_str()),
            self.date.as_deref(),
            self.subject.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        fit(&parts, width)
    }
}

/// `parts` joined by [`SEPARATOR`] in at most `width` columns.
pub fn fit(parts: &[&str], width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for (i, part) in parts.iter().enumerate() {
        let sep = if i == 0 { "" } else { SEPARATOR };
        let need = cols(sep) + cols(part);
        if used + need <= width {
            out.push_str(sep);
            out.push_str(part);
            used += need;
            continue;
        }
        let room = width.saturating_sub(used + cols(sep));
        // A cut part shows at least a few letters, or is left out.
        if room >= 6 || i == 0 {
            out.push_str(if i == 0 { "" } else { sep });
            out.push_str(&cut(part, room));
        }
        break;
    }
    out
}

/// `text` in at most `width` columns, ending in `…` when cut.
pub fn cut(text: &str, width: usize) -> String {
    if cols(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    // At a word's end where only a letter or two of the next would show
    // (`organisaties i…`); a longer part of a name tells more (`Van Baa…`).
    if let Some(space) = out.rfind(' ')
        && out[space + 1..].chars().count() <= 2
    {
        out.truncate(space);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if width > 0 {
        out.push('…');
    }
    out
}

fn cols(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// A name the title gives in capitals (`MOTIE VAN HET LID OMTZIGT`) as
/// it is written elsewhere: `Omtzigt`, `Bikker en Ceder`, `Van der Plas`.
fn unshout(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    const SMALL: [&str; 9] = ["en", "van", "der", "den", "de", "het", "ter", "te", "c.s."];
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split(' ').collect();
    words
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            // A name starts a name: `Van der Plas`, also after `en`.
            let starts = i == 0 || words[i - 1] == "en";
            if !starts && SMALL.contains(&w) {
                w.to_string()
            } else {
                // Each part of a double name: `Van-Dijk`.
                w.split('-')
                    .map(|p| {
                        let mut c = p.chars();
                        c.next()
                            .map(|f| f.to_uppercase().chain(c).collect())
                            .unwrap_or_default()
                    })
                    .collect::<Vec<String>>()
                    .join("-")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `Ram` of `J.W. Ram` or `Ram`; `Van der Burg` of `E. van der Burg`.
fn surname(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let start = words
        .iter()
        .position(|w| !w.ends_with('.'))
        .unwrap_or(words.len().saturating_sub(1));
    let s = words[start.min(words.len())..].join(" ");
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kamerstuk;

    fn motie() -> LetterMeta {
        LetterMeta {
            date: Some("2025-05-15".into()),
            doc_type: "motie".into(),
            kamerstuk: Some(Kamerstuk {
                dossier: "21501-04".into(),
                number: "287".into(),
                chamber: None,
            }),
            ..LetterMeta::default()
        }
    }

    const RAM: &str = "Motie van het lid Ram over organisaties in de keten van mensensmokkel";

    #[test]
    fn a_motie_title_gives_its_submitter_and_subject() {
        assert_eq!(
            from_title(RAM),
            (
                Some("Ram".into()),
                Some("organisaties in de keten van mensensmokkel".into())
            )
        );
        assert_eq!(
            from_title("Motie van de leden Kahraman c.s. over de Iron Dome").0,
            Some("Kahraman c.s.".into())
        );
        assert_eq!(
            from_title("Geannoteerde agenda JBZ-Raad"),
            (None, Some("Geannoteerde agenda JBZ-Raad".into()))
        );
        assert_eq!(from_title("Motie"), (None, None));
        assert_eq!(
            from_title("MOTIE VAN HET LID OMTZIGT").0,
            Some("Omtzigt".into())
        );
        assert_eq!(
            from_title("MOTIE VAN DE LEDEN BIKKER EN VAN DER PLAS").0,
            Some("Bikker en Van der Plas".into())
        );
        assert_eq!(
            from_title("Kamerbrief van 17 december 2025: verslag van de JBZ-Raad").1,
            Some("verslag van de JBZ-Raad".into())
        );
    }

    #[test]
    fn the_label_puts_number_kind_and_submitter_first() {
        let l = DocLabel::new(&motie(), RAM, &[], None, Lang::Nl, false);
        assert_eq!(l.fit(20), "Nr. 287 · Motie Ram");
        assert_eq!(l.fit(15), "Nr. 287 · Ram");
        assert_eq!(l.fit(33), "Nr. 287 · Motie Ram · 15-05-2025");
        assert_eq!(
            l.fit(50),
            "Nr. 287 · Motie Ram · 15-05-2025 · organisaties…"
        );
        // Narrower still, the number drops its `Nr.` for the submitter.
        assert_eq!(l.fit(12), "287 · Ram");
        assert_eq!(l.fit(4), "287");
        let wide = DocLabel::new(&motie(), RAM, &[], None, Lang::En, true);
        assert!(wide.fit(80).starts_with("21501-04 nr. 287 · Motion Ram · "));
    }

    #[test]
    fn a_document_without_a_date_says_so_in_the_readers_language() {
        let undated = LetterMeta {
            date: None,
            ..motie()
        };
        let date = |lang| DocLabel::new(&undated, RAM, &[], None, lang, false).date;
        assert_eq!(date(Lang::Nl).as_deref(), Some("datum onbekend"));
        assert_eq!(date(Lang::En).as_deref(), Some("date unknown"));
    }

    #[test]
    fn metadata_submitters_and_subject_come_before_the_title() {
        let l = DocLabel::new(
            &motie(),
            "Motie",
            &["J.W. Ram".into(), "D.G.M. Ceder".into()],
            Some("mensenhandel"),
            Lang::Nl,
            false,
        );
        assert_eq!(l.kind_who, "Motie Ram c.s.");
        assert_eq!(l.subject.as_deref(), Some("mensenhandel"));
    }

    #[test]
    fn cut_never_passes_the_width() {
        for w in 0..12 {
            assert!(cols(&cut("Organisaties in de keten", w)) <= w.max(1), "{w}");
        }
    }
    #[test]
    fn a_documents_label_takes_its_submitters_and_subject_from_the_metadata() {
        let toml = concat!(
            "[dossier]\nid = \"kst-36600-v-12\"\nkind = \"document\"\n",
            "title = \"MOTIE VAN HET LID EERDMANS\"\n",
            "text = \"verzoekt de regering de wapenexport te heroverwegen,\"\n\n",
            "[document]\ntype = \"motie\"\ndate = \"2025-03-20\"\n",
            "dossier_number = \"36600-V\"\nnumber = \"12\"\nyear = \"2024-2025\"\n",
            "subject = \"verzoekt de regering de wapenexport te heroverwegen\"\n",
            "submitters = [\"Eerdmans\"]\n",
        );
        let c = crate::load::load_owned(
            vec![crate::load::SourceFile {
                path: "kst-36600-v-12.toml".into(),
                text: toml.into(),
            }],
            &crate::load::NoFiles,
        );
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        let doc = c.get("kst-36600-v-12").unwrap();
        let label = DocLabel::of_node(c.node(doc), Lang::Nl, false).unwrap();
        let row = label.fit(120);
        assert!(row.contains("Motie Eerdmans"), "{row}");
        assert!(row.contains("verzoekt de regering de wapenexport"), "{row}");
    }
}
