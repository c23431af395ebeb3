//! Doubling a letter's text at most doubles the work of its import, for
//! each kind of element it can hold many of: the steps of every pass
//! (classifying lines, finding markers, citations, annexes and links,
//! writing, proving) are counted by [`crate::work`], not timed.

use super::import;
use crate::work;

/// A letter's PDF text with `body` as its running text and `notes` as
/// the footnotes at the page foot, in the layout `pdftotext` gives.
fn letter(body: &str, notes: &[String]) -> String {
    let mut out = String::from(" > Retouradres Postbus 20301 2500 EH   Den Haag\n\n");
    out.push_str(body);
    out.push_str("\n\n");
    for n in notes {
        out.push_str(n);
        out.push('\n');
    }
    out.push_str(
        "\n\n\nDirectie Europese Unie\n\nDatum\n17 december 2025\n\nOnze referentie\n7010422\n\n\
         Pagina 1 van 1\n\nDe minister van Justitie en Veiligheid,\n\nD.M. van Weel\n",
    );
    out
}

/// The size of the letter `make(k)` makes and the steps of its import.
fn steps(make: &dyn Fn(usize) -> String, k: usize) -> (u64, u64) {
    let text = make(k);
    let (result, steps) = work::counted(|| import(&text));
    assert!(result.is_ok(), "{:?}", result.err());
    (text.len() as u64, steps)
}

/// `make(2k)` takes at most twice the steps of `make(k)`, within a
/// constant, for k doubling three times. Where the text grows by more
/// than twice (numbers get longer), the steps may grow as much as it.
fn at_most_doubles(kind: &str, make: &dyn Fn(usize) -> String, k: usize) {
    let (_, base) = steps(make, 0);
    let mut k = k;
    let (mut len, mut one) = steps(make, k);
    for _ in 0..3 {
        let (len2, two) = steps(make, 2 * k);
        // two / len2 ≤ (one + base) / len, in whole numbers, with a
        // sixteenth to spare for ids whose numbers get a digit longer.
        assert!(
            16 * two * len <= 17 * (one + base) * len2,
            "{kind}: {two} steps for {} ({len2} bytes), over {one} for {k} ({len} bytes) in proportion (+ {base})",
            2 * k
        );
        k *= 2;
        (len, one) = (len2, two);
    }
}

/// Lines of about 80 characters of `words`, cut at spaces.
fn lines_of(words: impl Iterator<Item = String>) -> String {
    let mut out = String::new();
    let mut width = 0;
    for w in words {
        if width > 0 && width + w.len() > 80 {
            out.push_str(" \n");
            width = 0;
        } else if width > 0 {
            out.push(' ');
        }
        width += w.len() + 1;
        out.push_str(&w);
    }
    out.push('.');
    out
}

const WORDS: [&str; 8] = [
    "kabinet",
    "voorstel",
    "lidstaten",
    "onderhandelingen",
    "mandaat",
    "grenzen",
    "raad",
    "commissie",
];

fn word(i: usize) -> String {
    WORDS[i % WORDS.len()].to_string()
}

#[test]
fn one_long_paragraph() {
    at_most_doubles(
        "words",
        &|k| letter(&lines_of((0..k).map(word)), &[]),
        2_000,
    );
}

#[test]
fn many_paragraphs() {
    at_most_doubles(
        "paragraphs",
        &|k| {
            let paras: Vec<String> = (0..k)
                .map(|i| format!("De {} gaat door.", word(i)))
                .collect();
            letter(&paras.join("\n\n"), &[])
        },
        500,
    );
}

#[test]
fn headings() {
    at_most_doubles(
        "headings",
        &|k| {
            let paras: Vec<String> = (0..k)
                .map(|i| format!("Onderwerp {i}\nDe {} gaat door.", word(i)))
                .collect();
            letter(&paras.join("\n\n"), &[])
        },
        250,
    );
}

#[test]
fn headings_of_one_title() {
    // Each once tried every number its equals had taken.
    at_most_doubles(
        "equal headings",
        &|k| {
            let paras: Vec<String> = (0..k)
                .map(|_| "Onderwerp\nDe raad gaat door.".to_string())
                .collect();
            letter(&paras.join("\n\n"), &[])
        },
        250,
    );
}

#[test]
fn footnote_markers_and_footnotes() {
    at_most_doubles(
        "markers",
        &|k| {
            let body = lines_of((1..=k).map(|n| format!("{}{n}", word(n))));
            let notes: Vec<String> = (1..=k)
                .map(|n| format!("{n} Zie de {}.", word(n)))
                .collect();
            letter(&body, &notes)
        },
        500,
    );
}

#[test]
fn footnotes_whose_markers_are_missing() {
    // Each footnote once made a scan of the rest of the text.
    at_most_doubles(
        "unmatched footnotes",
        &|k| {
            let body = lines_of((0..k).map(|i| format!("VS{}", i % 9 + 1)));
            let notes: Vec<String> = (1..=k)
                .map(|n| format!("{n} Zie de {}.", word(n)))
                .collect();
            letter(&body, &notes)
        },
        500,
    );
}

#[test]
fn a_run_of_glued_digits() {
    // `a1a1a1…`: each candidate once read the whole run back.
    at_most_doubles(
        "a1a1a1",
        &|k| {
            let body = format!("Zie {} hier.", "a1".repeat(k));
            letter(&body, &["1 Een voetnoot.".to_string()])
        },
        2_000,
    );
}

#[test]
fn citations_in_the_text() {
    at_most_doubles(
        "citations",
        &|k| {
            letter(
                &lines_of((0..k).map(|i| format!("Kamerstuk 32317-{}", i % 9 + 1))),
                &[],
            )
        },
        250,
    );
}

#[test]
fn citations_in_one_footnote() {
    // Each citation once read everything before it again.
    at_most_doubles(
        "footnote citations",
        &|k| {
            let cites: Vec<String> = (0..k)
                .map(|i| format!("Motie {} - 21501-04-{}", word(i), i % 9 + 1))
                .collect();
            let note = format!(
                "1 Kamerstukken II, vergaderjaar 2024-2025, {}.",
                cites.join(", ")
            );
            letter("Zie hier1.", &[note])
        },
        250,
    );
}

#[test]
fn annex_mentions() {
    at_most_doubles(
        "annexes",
        &|k| {
            letter(
                &lines_of((0..k).map(|i| format!("Bijlagen {}, {} en", i % 9 + 1, i % 7 + 1))),
                &[],
            )
        },
        250,
    );
}

#[test]
fn hyperlinks_and_their_labels() {
    at_most_doubles(
        "hyperlinks",
        &|k| {
            let mut body = String::new();
            for i in 0..k {
                body.push_str(&format!(
                    "De verklaring staat hier: Verklaring {i} | Regering\n\
                     https://www.example.nl/verklaring-{i}\n\n"
                ));
            }
            body.push_str("Einde.");
            letter(&body, &[])
        },
        250,
    );
}

#[test]
fn page_headers() {
    at_most_doubles(
        "pages",
        &|k| {
            let mut body = String::new();
            for i in 0..k {
                body.push_str(&format!(
                    "De {} gaat door en\n\u{c}Directie\n\nDatum\n17 december 2025\n\nOnze referentie\n7010422\n\nPagina {} van {}\nde raad ook.\n\n",
                    word(i),
                    i + 2,
                    k + 2
                ));
            }
            body.push_str("Einde.");
            letter(&body, &[])
        },
        250,
    );
}

#[test]
fn words_hyphenated_at_line_ends() {
    at_most_doubles(
        "hyphens",
        &|k| letter(&lines_of((0..k).map(|i| format!("{}-", word(i)))), &[]),
        1_000,
    );
}
