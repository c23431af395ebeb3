use super::*;
use crate::import::{import, import_over};

/// A letter whose items are `(heading, paragraph)`; `nested` puts every
/// "Nederlandse positie" inside the item before it, else all stand at one
/// level.
pub(crate) fn letter(items: &[(&str, &str)], nested: bool) -> String {
    let mut body = String::new();
    let mut open = false;
    for (heading, text) in items {
        let part = format!("<kop><titel>{heading}</titel></kop><al>{text}</al>");
        if nested && *heading == "Nederlandse positie" {
            body.push_str(&format!("<divisie>{part}</divisie>"));
        } else {
            if open {
                body.push_str("</divisie>");
            }
            body.push_str(&format!("<divisie>{part}"));
            open = true;
        }
    }
    if open {
        body.push_str("</divisie>");
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie>
  <metadata>
    <meta name="DC.identifier" content="kst-32317-990"/>
    <meta name="OVERHEIDop.dossiernummer" content="32317"/>
    <meta name="OVERHEIDop.ondernummer" content="990"/>
    <meta name="DC.type" scheme="OVERHEIDop.KamerstukTypen" content="Brief"/>
    <meta name="DCTERMS.issued" content="2025-12-17"/>
    <meta name="OVERHEIDop.documenttitel" content="Verslag JBZ-Raad"/>
  </metadata>
  <kamerstuk>
    <dossier><dossiernummer><dossiernr>32 317</dossiernr></dossiernummer><titel>JBZ-Raad</titel></dossier>
    <stuk>
      <stuknr>Nr. <ondernummer>990</ondernummer></stuknr>
      <titel>BRIEF VAN DE MINISTER</titel>
      <algemeen><vrije-tekst><tekst>
        <al>Hierbij ontvangt u het verslag van de Raad.</al>
        {body}
      </tekst></vrije-tekst></algemeen>
    </stuk>
  </kamerstuk>
</officiele-publicatie>
"#
    )
}

pub(crate) const EUROPOL: (&str, &str) = ("Europol", "De Raad sprak over het mandaat van Europol.");
pub(crate) const EUROPOL_NL: (&str, &str) = (
    "Nederlandse positie",
    "Nederland steunt een sterker Europol binnen de grenzen van het Verdrag.",
);
pub(crate) const FRONTEX: (&str, &str) = (
    "Frontex",
    "De Commissie stelde een herziening van de Frontex-verordening voor.",
);
pub(crate) const FRONTEX_NL: (&str, &str) = (
    "Nederlandse positie",
    "Nederland kan instemmen met het voorstel, mits de lidstaten zeggenschap houden.",
);
pub(crate) const MIGRATIE: (&str, &str) = (
    "Migratie",
    "Over de buitengrenzen het volgende. Nederland steunt het EBSP-mandaat zonder voorbehoud. De Raad komt in maart terug op dit punt.",
);
pub(crate) const DRONES: (&str, &str) = (
    "Drones",
    "De Raad besprak de inzet van drones aan de buitengrenzen.",
);
pub(crate) const DRONES_NL: (&str, &str) = (
    "Nederlandse positie",
    "Nederland wacht de effectbeoordeling van de Commissie af.",
);

pub(crate) fn first(nested: bool) -> String {
    letter(
        &[EUROPOL, EUROPOL_NL, FRONTEX, FRONTEX_NL, MIGRATIE],
        nested,
    )
}

pub(crate) fn corrected(nested: bool) -> String {
    let migratie = (
        "Migratie",
        "Over de buitengrenzen het volgende. Frankrijk steunt de motie over grensbewaking niet. De Raad komt in maart terug op dit punt.",
    );
    letter(
        &[
            DRONES, DRONES_NL, EUROPOL, EUROPOL_NL, FRONTEX, FRONTEX_NL, migratie,
        ],
        nested,
    )
}

fn corpus(toml: &str) -> Corpus {
    load_one(toml)
}

/// The text of the node an id names now.
fn text_of(c: &Corpus, id: &str) -> Option<String> {
    let i = c.get(id)?;
    Some(c.body(i).ok()?.plain())
}

#[test]
fn a_first_import_names_shared_headings_after_their_item() {
    for nested in [false, true] {
        let done = import(&first(nested)).unwrap();
        let c = corpus(&done.toml);
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        // One id, whether the positions stand inside their items or
        // beside them.
        let frontex = "kst-32317-990/frontex/nederlandse-positie";
        assert_eq!(text_of(&c, frontex).as_deref(), Some(FRONTEX_NL.1));
        // The corrected version, imported into an empty library, gives the
        // Frontex position the same id.
        let again = import(&corrected(nested)).unwrap();
        let c = corpus(&again.toml);
        assert_eq!(text_of(&c, frontex).as_deref(), Some(FRONTEX_NL.1));
        assert_eq!(
            text_of(&c, "kst-32317-990/drones/nederlandse-positie").as_deref(),
            Some(DRONES_NL.1)
        );
    }
}

/// The earlier scheme numbered equal headings through the document: the
/// Frontex position was `nederlandse-positie-2`.
fn with_old_ids(toml: &str) -> String {
    toml.replace(
        "kst-32317-990/europol/nederlandse-positie\"",
        "kst-32317-990/nederlandse-positie\"",
    )
    .replace(
        "kst-32317-990/frontex/nederlandse-positie\"",
        "kst-32317-990/nederlandse-positie-2\"",
    )
}

#[test]
fn a_corrected_version_keeps_the_ids_stored_under_the_old_numbering() {
    let old = with_old_ids(&import(&first(false)).unwrap().toml);
    assert!(old.contains("id = \"kst-32317-990/nederlandse-positie-2\""));
    let done = import_over(&corrected(false), |_| Some(old.clone())).unwrap();
    assert_eq!(done.report.problems().count(), 0, "{:#?}", done.report);
    assert_eq!(done.previous.as_deref(), Some(old.as_str()));
    let c = corpus(&done.toml);
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    // The Frontex position answers to its old id, and so does Europol's;
    // the new Drones position answers to neither.
    assert_eq!(
        text_of(&c, "kst-32317-990/nederlandse-positie-2").as_deref(),
        Some(FRONTEX_NL.1)
    );
    assert_eq!(
        text_of(&c, "kst-32317-990/nederlandse-positie").as_deref(),
        Some(EUROPOL_NL.1)
    );
    assert_eq!(
        text_of(&c, "kst-32317-990/drones/nederlandse-positie").as_deref(),
        Some(DRONES_NL.1)
    );
    assert!(
        done.toml.contains(
            "id = \"kst-32317-990/frontex/nederlandse-positie\"\naliases = [\"kst-32317-990/nederlandse-positie-2\"]"
        ),
        "{}",
        done.toml
    );
}

#[test]
fn importing_the_same_version_again_writes_the_same_bytes() {
    let once = import(&first(false)).unwrap().toml;
    let again = import_over(&first(false), |_| Some(once.clone())).unwrap();
    assert_eq!(again.previous, None);
    assert_eq!(again.toml, once);
    // And a corrected version imported twice over itself is stable too.
    let old = with_old_ids(&once);
    let v2 = import_over(&corrected(false), |_| Some(old.clone())).unwrap();
    assert!(v2.toml.contains("aliases = "));
    let v2_again = import_over(&corrected(false), |_| Some(v2.toml.clone())).unwrap();
    assert_eq!(v2_again.toml, v2.toml);
    assert_eq!(v2_again.previous, None, "nothing replaced");
}

#[test]
fn a_gone_section_leaves_its_id_to_no_other() {
    let old = import(&first(false)).unwrap().toml;
    // The Frontex item goes, position and all.
    let without = letter(&[EUROPOL, EUROPOL_NL, MIGRATIE], false);
    let v2 = import_over(&without, |_| Some(old.clone())).unwrap();
    let c = corpus(&v2.toml);
    assert_eq!(c.get("kst-32317-990/frontex/nederlandse-positie"), None);
    assert!(
        v2.toml.contains(
            "retired = [\"kst-32317-990/frontex\", \"kst-32317-990/frontex/nederlandse-positie\"]"
        ),
        "{}",
        v2.toml
    );
    // It comes back, with other words: new sections, never the gone ids.
    let v3_src = letter(
        &[
            EUROPOL,
            EUROPOL_NL,
            FRONTEX,
            ("Nederlandse positie", "Nederland is tegen."),
            MIGRATIE,
        ],
        false,
    );
    let v3 = import_over(&v3_src, |_| Some(v2.toml.clone())).unwrap();
    let c = corpus(&v3.toml);
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    assert_eq!(c.get("kst-32317-990/frontex/nederlandse-positie"), None);
    assert_eq!(c.get("kst-32317-990/frontex"), None);
    assert_eq!(
        text_of(&c, "kst-32317-990/frontex/nederlandse-positie-2").as_deref(),
        Some("Nederland is tegen.")
    );
    assert_eq!(
        text_of(&c, "kst-32317-990/frontex-2").as_deref(),
        Some(FRONTEX.1)
    );
    // The Europol position is the same section throughout.
    assert_eq!(
        text_of(&c, "kst-32317-990/europol/nederlandse-positie").as_deref(),
        Some(EUROPOL_NL.1)
    );
}

#[test]
fn a_corrected_heading_with_the_same_text_keeps_its_id() {
    let old = import(&first(true)).unwrap().toml;
    let src = first(true).replace(
        "<titel>Frontex</titel>",
        "<titel>Frontex-verordening</titel>",
    );
    let v2 = import_over(&src, |_| Some(old.clone())).unwrap();
    let c = corpus(&v2.toml);
    assert_eq!(
        text_of(&c, "kst-32317-990/frontex").as_deref(),
        Some(FRONTEX.1)
    );
    assert_eq!(
        text_of(&c, "kst-32317-990/frontex/nederlandse-positie").as_deref(),
        Some(FRONTEX_NL.1)
    );
}

#[test]
fn another_documents_file_carries_nothing() {
    let other = import(&first(false).replace("990", "991")).unwrap().toml;
    let done = import_over(&corrected(false), |_| Some(other.clone())).unwrap();
    assert_eq!(done.toml, import(&corrected(false)).unwrap().toml);
    let garbage = import_over(&corrected(false), |_| Some("[[[".into())).unwrap();
    assert_eq!(garbage.toml, done.toml);
}

#[test]
fn thousands_of_equal_headings_and_repeated_aliases_are_matched_in_order() {
    let items: Vec<(&str, String)> = (0..600)
        .map(|i| ("Vraag", format!("Vraag nummer {i} over de begroting.")))
        .collect();
    let refs: Vec<(&str, &str)> = items.iter().map(|(h, t)| (*h, t.as_str())).collect();
    let old = import(&letter(&refs, false)).unwrap().toml;
    // One alias written ten thousand times over: kept once.
    let old = old.replacen(
        "id = \"kst-32317-990/vraag\"\n",
        &format!(
            "id = \"kst-32317-990/vraag\"\naliases = [{}]\n",
            vec!["\"kst-32317-990/oud\""; 10_000].join(", ")
        ),
        1,
    );
    let mut refs2 = refs.clone();
    refs2.insert(0, ("Inleiding", "Een nieuwe inleiding."));
    let done = import_over(&letter(&refs2, false), |_| Some(old.clone())).unwrap();
    let c = corpus(&done.toml);
    assert!(c.errors.is_empty(), "{:?}", &c.errors[..1]);
    assert_eq!(
        text_of(&c, "kst-32317-990/oud").as_deref(),
        Some("Vraag nummer 0 over de begroting.")
    );
    assert_eq!(
        text_of(&c, "kst-32317-990/vraag-600").as_deref(),
        Some("Vraag nummer 599 over de begroting.")
    );
    assert_eq!(done.toml.matches("kst-32317-990/oud").count(), 1);
}

#[test]
fn a_position_under_a_replaced_item_is_new_even_with_the_same_words() {
    // Europol goes, Drones comes, and its position reads word for word as
    // Europol's did: still another section.
    let old = import(&first(false)).unwrap().toml;
    let drones_nl = ("Nederlandse positie", EUROPOL_NL.1);
    let src = letter(&[DRONES, drones_nl, FRONTEX, FRONTEX_NL, MIGRATIE], false);
    let done = import_over(&src, |_| Some(old.clone())).unwrap();
    let c = corpus(&done.toml);
    assert_eq!(c.get("kst-32317-990/europol/nederlandse-positie"), None);
    assert_eq!(
        text_of(&c, "kst-32317-990/frontex/nederlandse-positie").as_deref(),
        Some(FRONTEX_NL.1)
    );
    assert!(done.toml.contains("retired = ["), "{}", done.toml);
}

fn headings() -> impl proptest::strategy::Strategy<Value = Vec<usize>> {
    proptest::collection::vec(0usize..4, 1..10)
}

const HEADINGS: [&str; 4] = ["Europol", "Frontex", "Nederlandse positie", "Migratie"];

fn items(hs: &[usize], mark: &str) -> Vec<(&'static str, String)> {
    hs.iter()
        .enumerate()
        .map(|(i, &h)| {
            (
                HEADINGS[h],
                format!("Zin {mark}{i} alfa{mark}{i} beta{mark}{i}."),
            )
        })
        .collect()
}

proptest::proptest! {
    /// Items added and removed anywhere, with any headings: every id of
    /// the earlier version names the same text afterwards, or nothing; and
    /// the same version again writes the same bytes.
    #[test]
    fn an_id_never_names_other_text(
        hs in headings(),
        added in proptest::collection::vec((0usize..12, 0usize..4), 1..4),
        removed in proptest::collection::vec(0usize..12, 0..3),
        nested in proptest::bool::ANY,
    ) {
        let old_items = items(&hs, "o");
        let refs: Vec<(&str, &str)> = old_items.iter().map(|(h, t)| (*h, t.as_str())).collect();
        let old = import(&letter(&refs, nested)).unwrap().toml;
        let mut new_refs = refs.clone();
        for r in removed {
            if !new_refs.is_empty() {
                new_refs.remove(r % new_refs.len());
            }
        }
        let extra: Vec<(&str, String)> = added
            .iter()
            .enumerate()
            .map(|(k, &(_, h))| (HEADINGS[h], format!("Nieuw {k} gamma{k} delta{k}.")))
            .collect();
        for (k, &(at, _)) in added.iter().enumerate() {
            let at = at.min(new_refs.len());
            new_refs.insert(at, (extra[k].0, extra[k].1.as_str()));
        }
        let done = import_over(&letter(&new_refs, nested), |_| Some(old.clone())).unwrap();
        let before = corpus(&old);
        let after = corpus(&done.toml);
        proptest::prop_assert!(after.errors.is_empty(), "{:?}", after.errors);
        for n in &before.nodes {
            if n.kind != crate::model::NodeKind::Section {
                continue;
            }
            let was = text_of(&before, &n.id);
            if let Some(now) = text_of(&after, &n.id) {
                proptest::prop_assert_eq!(Some(now), was, "{} in\n{}", n.id, done.toml);
            }
        }
        let again = import_over(&letter(&new_refs, nested), |_| Some(done.toml.clone())).unwrap();
        proptest::prop_assert_eq!(&again.toml, &done.toml);
    }
}

/// The library's file is read as carefully as a source: cut off or
/// damaged anywhere, it never makes the import panic or write a file the
/// loader refuses.
#[test]
fn a_cut_or_damaged_earlier_file_never_breaks_the_import() {
    let old = with_old_ids(&import(&first(false)).unwrap().toml);
    let new = corrected(false);
    let cuts = (0..old.len())
        .step_by(17)
        .filter(|&i| old.is_char_boundary(i))
        .map(|i| old[..i].to_string());
    let damaged = (0..old.len()).step_by(11).filter_map(|i| {
        let mut b = old.as_bytes().to_vec();
        b[i] = b"[]=\"\n a/-,"[i % 10];
        String::from_utf8(b).ok()
    });
    let mut checked = 0;
    for earlier in cuts.chain(damaged) {
        let done = import_over(&new, |_| Some(earlier.clone())).unwrap();
        assert_eq!(done.report.problems().count(), 0, "{earlier}");
        let c = corpus(&done.toml);
        assert!(c.errors.is_empty(), "{:?}\n{}", c.errors, done.toml);
        checked += 1;
    }
    assert!(checked > 100);
}

#[test]
fn repeated_or_foreign_ids_in_the_earlier_file_are_written_once_or_not_at_all() {
    let old = import(&first(false)).unwrap().toml;
    // Both positions under one id; Migratie also answering to Europol's
    // id, to the document's and to one outside it.
    let old = old
        .replace(
            "id = \"kst-32317-990/europol/nederlandse-positie\"",
            "id = \"kst-32317-990/frontex/nederlandse-positie\"",
        )
        .replace(
            "id = \"kst-32317-990/migratie\"\n",
            "id = \"kst-32317-990/migratie\"\naliases = [\"kst-32317-990/europol\", \"kst-32317-990\", \"ebsp\", \"kst-32317-990/../x\"]\n",
        );
    let done = import_over(&corrected(false), |_| Some(old.clone())).unwrap();
    let c = corpus(&done.toml);
    assert!(c.errors.is_empty(), "{:?}\n{}", c.errors, done.toml);
    assert_eq!(
        text_of(&c, "kst-32317-990/europol").as_deref(),
        Some(EUROPOL.1)
    );
    assert!(!done.toml.contains("\"ebsp\""));
    assert!(!done.toml.contains("../x"));
}
