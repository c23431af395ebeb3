use proptest::prelude::*;

use super::*;

fn quote_at(text: &str, exact: &str) -> Quote {
    Quote::find(text, exact).unwrap()
}

fn slice(text: &str, (s, e): (usize, usize)) -> String {
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn capture_keeps_context_and_character_offsets() {
    let text = "Één café in België, waar de Raad vergaderde.";
    let q = quote_at(text, "de Raad");
    assert_eq!(q.start, 25);
    assert_eq!(q.end, 32);
    assert_eq!(q.prefix, "Één café in België, waar ");
    assert_eq!(q.suffix, " vergaderde.");
    assert!(!q.ambiguous);
    assert_eq!(resolve(&q, text), Anchor::Exact(25, 32));
    assert_eq!(Quote::capture(text, 3, 3), None);
    assert_eq!(Quote::capture(text, 0, 999), None);
}

#[test]
fn context_is_at_most_the_limit() {
    let text = format!("{}X{}", "a".repeat(100), "b".repeat(100));
    let q = quote_at(&text, "X");
    assert_eq!(q.prefix.chars().count(), CONTEXT_CHARS);
    assert_eq!(q.suffix.chars().count(), CONTEXT_CHARS);
}

#[test]
fn a_shifted_passage_is_found_by_its_context() {
    let old = "Inleiding. Het kabinet steunt het tweetrapssysteem van de Commissie.";
    let q = quote_at(old, "tweetrapssysteem");
    let new = format!("Een nieuwe eerste zin. {old}");
    let a = resolve(&q, &new);
    assert!(matches!(a, Anchor::Moved(..)), "{a:?}");
    assert_eq!(slice(&new, a.range().unwrap()), "tweetrapssysteem");
}

#[test]
fn the_quote_alone_never_serves_when_its_context_was_rewritten() {
    let q = quote_at(
        "Het kabinet steunt het tweetrapssysteem van de Commissie.",
        "tweetrapssysteem",
    );
    let new = "Geheel herschreven: over het tweetrapssysteem wordt nog gesproken.";
    assert_eq!(resolve(&q, new), Anchor::Detached);
    let twice = "Eerst het tweetrapssysteem, daarna nogmaals het tweetrapssysteem.";
    assert_eq!(resolve(&q, twice), Anchor::Detached);
}

#[test]
fn a_short_quote_does_not_follow_its_word_into_another_sentence() {
    let lead = "Over de grensbewaking in de Raad het volgende. ";
    let old = format!("{lead}Nederland steunt het EBSP-mandaat zonder voorbehoud. Tot slot.");
    let q = quote_at(&old, "steunt");
    let new = format!("{lead}Frankrijk steunt de motie over grensbewaking niet. Tot slot.");
    assert_eq!(resolve(&q, &new), Anchor::Detached);
    // The sentence's meaning turned round a few words further on: the
    // context beside the word is no longer the one recorded.
    let turned = format!("{lead}Nederland steunt het EBSP-mandaat niet. Tot slot.");
    assert_eq!(resolve(&q, &turned), Anchor::Detached);
}

#[test]
fn context_may_differ_within_the_tolerance() {
    let old = "De Raad besprak de voortgang. Nederland steunt het EBSP-mandaat zonder voorbehoud.";
    let q = quote_at(old, "steunt");
    // A typo corrected beside the words, and a sentence added before.
    let new = "Inleiding. De Raad bespak de voortgang. Nederland steunt het EBSP-mandaat zonder voorbehoud.";
    let got = resolve(&q, new);
    assert!(matches!(got, Anchor::Moved(..)), "{got:?}");
    assert_eq!(slice(new, got.range().unwrap()), "steunt");
    // A quarter of a side is the limit: 8 of 32 characters may differ, 9 not.
    let side = |s: &str| s.chars().count();
    assert_eq!(side(&q.suffix), CONTEXT_CHARS);
    let eight = old.replace("EBSP-man", "XXXXXXXX");
    assert!(resolve(&q, &eight).is_attached());
    let nine = old.replace("EBSP-mand", "XXXXXXXXX");
    assert_eq!(resolve(&q, &nine), Anchor::Detached);
}

#[test]
fn a_hand_written_context_longer_than_the_limit_is_read_near_the_words() {
    let text = format!("{} Raad bbb", "y".repeat(40));
    let mut q = quote_at(&text, "Raad");
    q.prefix = format!("{}{}", "x".repeat(100_000), q.prefix);
    assert!(resolve(&q, &text).is_attached());
    let text = format!("{} Raad bbb", "z".repeat(40));
    assert_eq!(resolve(&q, &text), Anchor::Detached);
}

#[test]
fn an_ambiguous_quote_needs_its_context() {
    let old = "Eerst sprak de Raad kort. Later sprak de Raad opnieuw over migratie.";
    let second = occurrences(old, "de Raad")[1].1;
    let q = Quote::capture(old, second, second + 7).unwrap();
    assert!(q.ambiguous);
    assert_eq!(resolve(&q, old), Anchor::Exact(second, second + 7));
    // The second occurrence is gone; the first is a lookalike, even when
    // it is the only one left.
    assert_eq!(
        resolve(
            &q,
            "Eerst sprak de Raad kort. Later werd niet meer gesproken."
        ),
        Anchor::Detached
    );
    assert_eq!(
        resolve(&q, "Toen besloot de Raad iets anders."),
        Anchor::Detached
    );
}

#[test]
fn repeated_sentences_are_told_apart_by_offsets() {
    let text = "Zie hierboven. Zie hierboven. Zie hierboven.";
    let q = Quote::capture(text, 15, 29).unwrap();
    assert_eq!(resolve(&q, text), Anchor::Exact(15, 29));
}

#[test]
fn occurrences_overlap_and_count_characters() {
    assert_eq!(occurrences("ééé", "éé"), vec![(0, 0), (2, 1)]);
    assert!(occurrences("abc", "").is_empty());
}

#[test]
fn locate_reports_missing_nodes() {
    let corpus = Corpus::default();
    let t = Target {
        dossier: "x".into(),
        node: "x".into(),
        quote: None,
    };
    assert_eq!(locate(&corpus, &t), Ok(None));
    assert_eq!(is_anchored(&corpus, &t), Ok(false));
}

/// Ordinary text: lower-case words. Passages are upper case, so edits made
/// of ordinary text never create a copy of one by chance.
fn words() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-z ,.éë]{0,80}").unwrap()
}

fn passage() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-ZÉ][A-Z É]{0,20}").unwrap()
}

/// An edit away from `start..end` and its context: replaces the characters
/// `at..at+del` by `ins`, before the prefix or after the suffix.
#[derive(Debug, Clone)]
struct Edit {
    before: bool,
    pos: usize,
    del: usize,
    ins: String,
}

fn edit() -> impl Strategy<Value = Edit> {
    (any::<bool>(), 0usize..200, 0usize..20, words()).prop_map(|(before, pos, del, ins)| Edit {
        before,
        pos,
        del,
        ins,
    })
}

/// Applies the edit to `chars` if there is room outside `lo..hi`; returns
/// how far the protected range moved.
fn apply(chars: &mut Vec<char>, lo: usize, hi: usize, e: &Edit) -> isize {
    if e.before {
        if lo == 0 {
            return 0;
        }
        let at = e.pos % lo;
        let del = e.del.min(lo - at);
        chars.splice(at..at + del, e.ins.chars());
        e.ins.chars().count() as isize - del as isize
    } else {
        let room = chars.len() - hi;
        let at = hi + e.pos % (room + 1);
        let del = e.del.min(chars.len() - at);
        chars.splice(at..at + del, e.ins.chars());
        0
    }
}

const FILLER: &str = "het kabinet heeft uw kamer eerder ingelicht.";
const OTHER: &str = "de commissie zal namens de lidstaten spreken.";

proptest! {
    #[test]
    fn capture_then_resolve_is_exact(text in "[ab ]{1,60}", a in 0usize..60, b in 0usize..60) {
        let n = text.chars().count();
        let (s, e) = (a.min(b) % n, (a.max(b) % n) + 1);
        prop_assume!(s < e);
        let q = Quote::capture(&text, s, e).unwrap();
        prop_assert_eq!(resolve(&q, &text), Anchor::Exact(s, e));
    }

    #[test]
    fn edits_elsewhere_keep_the_anchor(a in words(), p in passage(), b in words(), edits in proptest::collection::vec(edit(), 0..6)) {
        let text = format!("{a}{p}{b}");
        let start = a.chars().count();
        let end = start + p.chars().count();
        let q = Quote::capture(&text, start, end).unwrap();
        let mut chars: Vec<char> = text.chars().collect();
        let (mut lo, mut hi) = (start - q.prefix.chars().count(), end + q.suffix.chars().count());
        let mut shift: isize = 0;
        for e in &edits {
            let d = apply(&mut chars, lo, hi, e);
            shift += d;
            lo = (lo as isize + d) as usize;
            hi = (hi as isize + d) as usize;
        }
        let new: String = chars.iter().collect();
        let want = ((start as isize + shift) as usize, (end as isize + shift) as usize);
        let got = resolve(&q, &new);
        prop_assert_eq!(got.range(), Some(want), "in {:?}", new);
        prop_assert_eq!(matches!(got, Anchor::Exact(..)), shift == 0);
    }

    #[test]
    fn deleting_the_passage_detaches(a in words(), p in passage(), b in words(), keep_context in any::<bool>(), e in edit()) {
        let text = format!("{a}{p}{b}");
        let start = a.chars().count();
        let q = Quote::capture(&text, start, start + p.chars().count()).unwrap();
        let new = if keep_context { format!("{a}{b}") } else { String::new() };
        let mut chars: Vec<char> = new.chars().collect();
        apply(&mut chars, 0, 0, &e);
        let new: String = chars.into_iter().collect();
        prop_assert_eq!(resolve(&q, &new), Anchor::Detached);
    }

    #[test]
    fn a_lookalike_never_captures_the_note(
        a in words(), p in passage(), b in words(), c in words(), d in words(),
        mark_second in any::<bool>(), keep_original in any::<bool>(),
    ) {
        // The lookalike has the same words but other neighbours: the
        // characters right before and after it differ from the original's.
        // Context of its own on both sides, so moving the text around it
        // does not touch the recorded context.
        let a = format!("{FILLER}{a}x");
        let b = format!("y{b}{FILLER}");
        let c = format!("{OTHER}{c}q");
        let d = format!("z{d}{OTHER}");
        let text = format!("{a}{p}{b}{c}{p}{d}");
        let (la, lp, lb, lc) = (a.chars().count(), p.chars().count(), b.chars().count(), c.chars().count());
        let start = if mark_second { la + lp + lb + lc } else { la };
        let q = Quote::capture(&text, start, start + lp).unwrap();
        prop_assert!(q.ambiguous);
        // Either the marked passage is deleted, or the blocks of text are
        // moved around (each with its own context).
        let new = match (mark_second, keep_original) {
            (false, false) => format!("{a}{b}{c}{p}{d}"),
            (true, false) => format!("{a}{p}{b}{c}{d}"),
            (false, true) => format!("{c}{p}{d}{a}{p}{b}"),
            (true, true) => format!("{a}{p}{b}{b}{c}{p}{d}"),
        };
        let got = resolve(&q, &new);
        if keep_original {
            let want = if mark_second { la + lp + 2 * lb + lc } else { lc + lp + d.chars().count() + la };
            prop_assert_eq!(got.range(), Some((want, want + lp)));
        } else {
            prop_assert_eq!(got, Anchor::Detached);
        }
    }
}

#[test]
fn a_lookalike_at_the_recorded_offsets_is_not_taken() {
    let old = "ab P cd P ef";
    let q = Quote::capture(old, 8, 9).unwrap();
    let new = "ab xxxxx P gh";
    assert_eq!(occurrences(new, "P")[0].1, 9);
    let new = "ab xxxx P gh";
    assert_eq!(occurrences(new, "P")[0].1, 8);
    assert_eq!(resolve(&q, new), Anchor::Detached);
}
