//! The corrected-version scenario: a letter with two "Nederlandse
//! positie" sections, notes on the second and on Migratie, then a version
//! with a new item on top and the Migratie sentence turned round.

use super::*;
use crate::anchor::locate;
use crate::annotation::{Kind, Quote, Status, Target};
use crate::import::ids::tests::{FRONTEX_NL, corrected, first};
use crate::import::{import, import_over};

const DOC: &str = "kst-32317-990";

fn note(c: &Corpus, id: &str, node: &str, quote: Option<&str>) -> Annotation {
    let t = jiff::Timestamp::UNIX_EPOCH;
    let quote = quote.map(|q| {
        let text = c.by_id(node).unwrap().document().unwrap().plain();
        Quote::find(&text, q).unwrap()
    });
    Annotation {
        id: id.into(),
        target: Target {
            dossier: DOC.into(),
            node: node.into(),
            quote,
        },
        kind: Kind::Note,
        body: format!("over {node}"),
        tags: vec![],
        status: Status::Open,
        owner: None,
        due: None,
        author: "ans".into(),
        created: t,
        updated: t,
    }
}

/// The earlier file as the earlier numbering wrote it, or as today's.
fn earlier(old_numbering: bool) -> (String, String, String) {
    let toml = import(&first(false)).unwrap().toml;
    if !old_numbering {
        return (
            toml,
            format!("{DOC}/frontex/nederlandse-positie"),
            format!("{DOC}/migratie"),
        );
    }
    let toml = toml
        .replace(
            &format!("{DOC}/europol/nederlandse-positie\""),
            &format!("{DOC}/nederlandse-positie\""),
        )
        .replace(
            &format!("{DOC}/frontex/nederlandse-positie\""),
            &format!("{DOC}/nederlandse-positie-2\""),
        );
    (
        toml,
        format!("{DOC}/nederlandse-positie-2"),
        format!("{DOC}/migratie"),
    )
}

#[test]
fn the_frontex_notes_stay_on_the_frontex_position_and_the_ebsp_note_detaches() {
    for old_numbering in [true, false] {
        let (old, frontex, migratie) = earlier(old_numbering);
        let before = load_one(&old);
        assert!(before.errors.is_empty(), "{:?}", before.errors);
        let notes = vec![
            note(
                &before,
                "a",
                &frontex,
                Some("kan instemmen met het voorstel"),
            ),
            note(&before, "b", &frontex, None),
            note(&before, "c", &migratie, Some("steunt")),
        ];
        let done = import_over(&corrected(false), |_| Some(old.clone())).unwrap();
        assert_eq!(done.report.problems().count(), 0);
        let after = load_one(&done.toml);
        assert!(after.errors.is_empty(), "{:?}", after.errors);
        for a in &notes[..2] {
            let node = after.by_id(&a.target.node).unwrap();
            assert_eq!(
                node.document().unwrap().plain(),
                FRONTEX_NL.1,
                "{old_numbering}"
            );
            assert!(locate(&after, &a.target).unwrap().unwrap().is_attached());
        }
        assert_eq!(
            locate(&after, &notes[2].target).unwrap(),
            Some(Anchor::Detached)
        );
        let got = outcomes(
            &notes,
            &[Replaced {
                id: DOC,
                earlier: &old,
                now: &done.toml,
            }],
        );
        assert_eq!(
            got,
            [NoteOutcomes {
                reanchored: 0,
                moved: 2,
                detached: 1
            }]
        );
        assert_eq!(
            got[0].render(),
            "0 re-anchored, 2 moved with their section, 1 detached"
        );
    }
}

#[test]
fn notes_where_nothing_moved_are_reanchored_and_others_are_left_out() {
    let (old, frontex, _) = earlier(false);
    let before = load_one(&old);
    let mut detached_already = note(&before, "d", &frontex, Some("voorstel"));
    if let Some(q) = &mut detached_already.target.quote {
        q.exact = "geen tekst van de brief".into();
    }
    let notes = vec![
        note(
            &before,
            "a",
            &frontex,
            Some("kan instemmen met het voorstel"),
        ),
        detached_already,
        note(&before, "o", "kst-1-2/iets", None),
    ];
    // A typo corrected elsewhere in the letter.
    let fixed = first(false).replace("het verslag van", "het verlsag van");
    let done = import_over(&fixed, |_| Some(old.clone())).unwrap();
    let got = outcomes(
        &notes,
        &[Replaced {
            id: DOC,
            earlier: &old,
            now: &done.toml,
        }],
    );
    assert_eq!(
        got,
        [NoteOutcomes {
            reanchored: 1,
            moved: 0,
            detached: 0
        }]
    );
}
