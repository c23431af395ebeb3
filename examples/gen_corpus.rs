//! Generates a synthetic corpus of dossiers for benchmarks and scale tests:
//!
//! ```text
//! cargo run --release --example gen_corpus -- --dossiers 20000 --out /tmp/corpus --seed 1
//! ```
//!
//! Deterministic: the same arguments give the same files, byte for byte.
//! The prose is Dutch policy language: a word-level Markov chain trained on
//! the Kamerbrief in `dossiers/source/`. The files follow the dossier schema
//! (`dossiers/README.md`): a library of documents (letters, agendas and
//! moties, one for every eight topics) in a few Kamerstuk dossiers,
//! `--dossiers` topic files spread over them with sections (some nested),
//! footnotes linked from their markers, annexes, links to Kamerstukken in
//! one references file (half of them documents of the library, which the
//! references open), and links between dossiers. `dossier check DIR` accepts them. With `--lines FILE` it also
//! writes every title and passage, one a line, as the search index holds
//! them: the same text for `fzf --filter` and `rg`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

const SOURCE: &str = include_str!("../dossiers/source/kamerbrief-7010422.txt");

const USAGE: &str = "usage: gen_corpus --dossiers N --out DIR [--seed S] [--lines FILE]";

const TAGS: &[&str] = &[
    "migratie",
    "grensbeheer",
    "georganiseerde criminaliteit",
    "terrorismebestrijding",
    "asiel",
    "terugkeer",
    "gegevensuitwisseling",
    "mensenhandel",
    "mensensmokkel",
    "rechtsstaat",
    "jbz-raad",
    "raad van europa",
];

fn main() -> ExitCode {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen_corpus: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::from(1)
        }
    }
}

struct Args {
    dossiers: usize,
    out: PathBuf,
    seed: u64,
    lines: Option<PathBuf>,
}

impl Args {
    fn parse(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
        let (mut dossiers, mut out, mut seed, mut lines) = (None, None, 1, None);
        while let Some(a) = it.next() {
            let mut value = || it.next().ok_or_else(|| format!("{a} needs a value"));
            match a.as_str() {
                "--dossiers" => {
                    dossiers = Some(value()?.parse().map_err(|e| format!("--dossiers: {e}"))?)
                }
                "--out" => out = Some(PathBuf::from(value()?)),
                "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
                "--lines" => lines = Some(PathBuf::from(value()?)),
                "-h" | "--help" => return Err("help".into()),
                _ => return Err(format!("unknown argument `{a}`")),
            }
        }
        Ok(Args {
            dossiers: dossiers.ok_or("--dossiers is required")?,
            out: out.ok_or("--out is required")?,
            seed,
            lines,
        })
    }
}

fn run(args: &Args) -> Result<(), String> {
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let corpus = generate(args.dossiers, args.seed);
    let mut bytes = 0;
    for (name, text) in &corpus.files {
        let path = args.out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += text.len();
    }
    if let Some(lines) = &args.lines {
        let mut all = String::with_capacity(bytes);
        for l in &corpus.lines {
            all.push_str(l);
            all.push('\n');
        }
        std::fs::write(lines, all).map_err(|e| format!("{}: {e}", lines.display()))?;
    }
    eprintln!(
        "gen_corpus: {} files, {} bytes, {} titles and passages in {}",
        corpus.files.len(),
        bytes,
        corpus.lines.len(),
        args.out.display()
    );
    Ok(())
}

/// The files (name, contents), and every title and passage as the reader
/// will see it.
pub(crate) struct Generated {
    pub(crate) files: Vec<(String, String)>,
    pub(crate) lines: Vec<String>,
}

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A word-level Markov chain over the letter's prose.
struct Prose {
    words: Vec<String>,
    next: Vec<Vec<u32>>,
    starts: Vec<u32>,
}

impl Prose {
    fn train(source: &str) -> Prose {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut next: Vec<Vec<u32>> = Vec::new();
        let mut starts = Vec::new();
        let mut prev: Option<u32> = None;
        for raw in source.split_whitespace() {
            // Markup characters would need escaping; straight quotes could
            // close a TOML literal string. Neither is needed for prose.
            let w: String = raw
                .chars()
                .filter(|c| !matches!(c, '[' | ']' | '\\' | '>'))
                .map(|c| match c {
                    '\'' => '’',
                    '"' => '”',
                    _ => c,
                })
                .collect();
            if w.is_empty() || w.chars().all(|c| c.is_ascii_digit()) && w.len() < 2 {
                continue;
            }
            let id = *ids.entry(w.clone()).or_insert_with(|| {
                words.push(w.clone());
                next.push(Vec::new());
                (words.len() - 1) as u32
            });
            match prev {
                Some(p) if !ends_sentence(&words[p as usize]) => next[p as usize].push(id),
                _ => {
                    if w.starts_with(char::is_uppercase) {
                        starts.push(id);
                    }
                }
            }
            prev = Some(id);
        }
        Prose {
            words,
            next,
            starts,
        }
    }

    fn sentence(&self, rng: &mut Rng, out: &mut String) {
        let max = rng.range(8, 28);
        let mut w = self.starts[rng.below(self.starts.len())];
        for i in 0..max {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&self.words[w as usize]);
            if ends_sentence(&self.words[w as usize]) && i >= 5 {
                return;
            }
            let choices = &self.next[w as usize];
            w = if choices.is_empty() || ends_sentence(&self.words[w as usize]) {
                self.starts[rng.below(self.starts.len())]
            } else {
                choices[rng.below(choices.len())]
            };
        }
        let trimmed = out.trim_end_matches([',', ':', ';', '(', '-', '–']).len();
        out.truncate(trimmed);
        if !out.ends_with('.') {
            out.push('.');
        }
    }

    fn paragraph(&self, rng: &mut Rng) -> String {
        let mut p = String::new();
        for i in 0..rng.range(1, 2) {
            if i > 0 {
                p.push(' ');
            }
            self.sentence(rng, &mut p);
        }
        p
    }

    /// A title: a few words from a sentence, without its full stop.
    fn title(&self, rng: &mut Rng) -> String {
        let mut s = String::new();
        self.sentence(rng, &mut s);
        let words: Vec<&str> = s.split(' ').take(rng.range(3, 8)).collect();
        let t = words.join(" ");
        t.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    }
}

fn ends_sentence(w: &str) -> bool {
    w.ends_with('.') && !w.ends_with("jl.") && !w.ends_with("j.l.") && w.len() > 2
}

/// Wraps a paragraph at about 85 columns, as the letter's PDF text is.
fn wrap(text: &str, out: &mut String) {
    let mut col = 0;
    for word in text.split(' ') {
        if col > 0 && col + 1 + word.chars().count() > 85 {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += word.chars().count();
    }
    out.push('\n');
}

struct Reference {
    id: String,
    title: String,
}

pub(crate) fn generate(dossiers: usize, seed: u64) -> Generated {
    let prose = Prose::train(SOURCE);
    let mut rng = Rng(seed);
    let mut files = Vec::new();
    let mut lines = Vec::new();

    // The documents: letters, agendas and moties of a few Kamerstuk
    // dossiers, one for every eight topics, dated over six years.
    let documents = (dossiers / 8).max(1);
    let numbers: Vec<String> = (0..(documents / 20).clamp(1, 60))
        .map(|i| match i {
            0 => "32317".to_string(),
            _ if i % 7 == 3 => format!("{}-{:02}", 21000 + rng.below(900), 1 + rng.below(40)),
            _ => (30000 + rng.below(7000)).to_string(),
        })
        .collect();
    let mut next_nr: HashMap<String, usize> = HashMap::new();
    let mut docs = Vec::new();
    for i in 0..documents {
        let number = numbers[rng.below(numbers.len())].clone();
        let step = 1 + rng.below(3);
        let start = 100 + rng.below(800);
        let nr = next_nr.entry(number.clone()).or_insert(start);
        *nr += step;
        let nr = *nr;
        let id = format!("kst-{}-{nr}", number.to_lowercase());
        let (kind, title_word) = match rng.below(10) {
            0..=5 => ("brief", "Kamerbrief"),
            6..=7 => ("agenda", "Geannoteerde agenda"),
            _ => ("motie", "Motie"),
        };
        let date = format!(
            "{}-{:02}-{:02}",
            2020 + rng.below(6),
            1 + rng.below(12),
            1 + rng.below(28)
        );
        let title = format!("{title_word}: {}", prose.title(&mut rng).replace('"', "”"));
        lines.push(title.clone());
        let mut t = String::new();
        writeln!(t, "[dossier]\nid = \"{id}\"\nkind = \"document\"\ntitle = \"{title}\"\ntags = [\"jbz-raad\"]\ntext = '''").unwrap();
        let p = prose.paragraph(&mut rng);
        wrap(&p, &mut t);
        lines.push(p);
        writeln!(t, "'''\n\n[document]\ntype = \"{kind}\"\ndate = \"{date}\"\nchamber = \"tweede-kamer\"\ndossier_number = \"{number}\"\nnumber = \"{nr}\"\nyear = \"2025-2026\"\nreference = \"{}\"", 7_000_000 + i).unwrap();
        if number == "32317" {
            t.push_str("dossier_title = \"JBZ-Raad\"\n");
        }
        t.push_str("\n[[document.signatory]]\nrole = \"De Minister van Justitie en Veiligheid\"\nname = \"Synthetisch\"\n");
        files.push((format!("000-{id}.toml"), t));
        docs.push((id, number, nr));
    }

    // The references every dossier may cite: half of them Kamerstukken
    // of the library, which they open.
    let mut references = Vec::new();
    let mut t = String::from("# Synthetic Kamerstukken and moties.\n");
    for i in 0..(dossiers / 10).clamp(20, 5000) {
        let (number, nr) = if rng.chance(50) {
            let (_, number, nr) = &docs[rng.below(docs.len())];
            (number.clone(), *nr)
        } else {
            ((30000 + rng.below(6000)).to_string(), 1 + rng.below(999))
        };
        let motie = rng.chance(20);
        let id = format!(
            "{}-{}-{nr}-{i}",
            if motie { "motie" } else { "kamerstuk" },
            number.to_lowercase()
        );
        let title = format!(
            "{} {number}-{nr}",
            if motie { "Motie" } else { "Kamerstuk" }
        );
        let description = prose.title(&mut rng);
        lines.push(title.clone());
        writeln!(
            t,
            "\n[[reference]]\nid = \"{id}\"\ntitle = \"{title}\"\nkind = \"{}\"\ndossier_number = \"{number}\"\nnumber = \"{nr}\"\nyear = \"2025-2026\"\ndescription = \"{}\"",
            if motie { "motie" } else { "kamerstuk" },
            description.replace('"', "”")
        )
        .unwrap();
        references.push(Reference { id, title });
    }
    files.push(("001-referenties.toml".to_string(), t));

    for d in 0..dossiers {
        let (name, text) = dossier(
            d,
            dossiers,
            &docs[d % docs.len()].0,
            &references,
            &prose,
            &mut rng,
            &mut lines,
        );
        files.push((name, text));
    }
    Generated { files, lines }
}

/// A paragraph with, now and then, a link to a reference or another dossier.
fn linked_paragraph(
    prose: &Prose,
    rng: &mut Rng,
    references: &[Reference],
    d: usize,
    lines: &mut Vec<String>,
) -> String {
    let mut p = prose.paragraph(rng);
    let mut plain = p.clone();
    if rng.chance(15) {
        let r = &references[rng.below(references.len())];
        write!(p, " Zie ook [{}]({}).", r.title, r.id).unwrap();
        write!(plain, " Zie ook {}.", r.title).unwrap();
    } else if rng.chance(5) && d > 0 {
        let other = rng.below(d);
        write!(p, " Dit hangt samen met [dossier {other}](d{other:05}).").unwrap();
        write!(plain, " Dit hangt samen met dossier {other}.").unwrap();
    }
    lines.push(plain);
    p
}

fn dossier(
    d: usize,
    total: usize,
    letter: &str,
    references: &[Reference],
    prose: &Prose,
    rng: &mut Rng,
    lines: &mut Vec<String>,
) -> (String, String) {
    let id = format!("d{d:05}");
    let width = total.to_string().len().max(5);
    let name = format!("{d:0width$}.toml");
    let mut t = String::new();
    let title = prose.title(rng);
    lines.push(title.clone());
    let tags: Vec<String> = (0..rng.range(1, 3))
        .map(|_| format!("\"{}\"", TAGS[rng.below(TAGS.len())]))
        .collect();
    writeln!(t, "[dossier]\nid = \"{id}\"\ntitle = \"{}\"\nsource = \"{letter}\"\norder = {d}\ntags = [{}]\ntext = '''", title.replace('"', "”"), tags.join(", ")).unwrap();

    // Footnotes are cited from the dossier's own text.
    let footnotes = rng.range(1, 4);
    for i in 0..rng.range(2, 4) {
        if i > 0 {
            t.push('\n');
        }
        let mut p = linked_paragraph(prose, rng, references, d, lines);
        if i < footnotes {
            // The marker is the number, as in the letter: `gemeld2`.
            let n = i + 1;
            write!(p, "[{n}]({id}/fn-{n})").unwrap();
            lines.last_mut().unwrap().push_str(&n.to_string());
        }
        wrap(&p, &mut t);
    }
    t.push_str("'''\n");

    for s in 0..rng.range(3, 7) {
        let sid = format!("{id}/s{s}");
        let paragraphs = rng.range(3, 8);
        section(
            &mut t, "section", &sid, prose, rng, references, d, lines, paragraphs,
        );
        if rng.chance(25) {
            let sub = format!("{sid}/s{s}a");
            let paragraphs = rng.range(2, 4);
            section(
                &mut t,
                "section.section",
                &sub,
                prose,
                rng,
                references,
                d,
                lines,
                paragraphs,
            );
        }
    }
    for a in 0..rng.range(0, 2) {
        let aid = format!("{id}/bijlage-{}", a + 1);
        let title = format!("Bijlage {}: {}", a + 1, prose.title(rng));
        lines.push(title.clone());
        writeln!(
            t,
            "\n[[annex]]\nid = \"{aid}\"\ntitle = \"{}\"\nlabel = \"Bijlage {}\"\ntext = '''",
            title.replace('"', "”"),
            a + 1
        )
        .unwrap();
        for i in 0..rng.range(2, 5) {
            if i > 0 {
                t.push('\n');
            }
            let p = prose.paragraph(rng);
            wrap(&p, &mut t);
            lines.push(p);
        }
        t.push_str("'''\n");
    }
    for n in 1..=footnotes {
        lines.push(format!("Voetnoot {n}"));
        let r = &references[rng.below(references.len())];
        let head = prose.title(rng);
        writeln!(
            t,
            "\n[[footnote]]\nid = \"{id}/fn-{n}\"\nnumber = {n}\ntext = '''{head} [{}]({})'''",
            r.title, r.id
        )
        .unwrap();
        lines.push(format!("{head} {}", r.title));
    }
    (name, t)
}

#[allow(clippy::too_many_arguments)]
fn section(
    t: &mut String,
    table: &str,
    sid: &str,
    prose: &Prose,
    rng: &mut Rng,
    references: &[Reference],
    d: usize,
    lines: &mut Vec<String>,
    paragraphs: usize,
) {
    let title = prose.title(rng);
    lines.push(title.clone());
    writeln!(
        t,
        "\n[[{table}]]\nid = \"{sid}\"\ntitle = \"{}\"\ntext = '''",
        title.replace('"', "”")
    )
    .unwrap();
    for i in 0..paragraphs {
        if i > 0 {
            t.push('\n');
        }
        let p = linked_paragraph(prose, rng, references, d, lines);
        wrap(&p, t);
    }
    t.push_str("'''\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::load::{NoFiles, SourceFile, load};

    fn load_generated(g: &Generated) -> dossier_core::Corpus {
        let files: Vec<SourceFile> = g
            .files
            .iter()
            .map(|(p, t)| SourceFile {
                path: p.clone(),
                text: t.clone(),
            })
            .collect();
        load(&files, &NoFiles)
    }

    #[test]
    fn the_generated_corpus_loads_without_errors() {
        let g = generate(60, 3);
        let corpus = load_generated(&g);
        assert!(
            corpus.errors.is_empty(),
            "{:?}",
            &corpus.errors[..corpus.errors.len().min(5)]
        );
        // 60 topics and their 7 documents.
        assert_eq!(corpus.roots.len(), 67);
        assert!(corpus.backlinks.iter().any(|b| !b.is_empty()));
        // References open documents of the library.
        assert!(corpus.references.iter().any(|&r| corpus.opens(r).is_some()));
    }

    #[test]
    fn the_lines_are_the_indexed_titles_and_passages() {
        let g = generate(20, 5);
        let corpus = load_generated(&g);
        let index = dossier_core::search::SearchIndex::build(&corpus);
        let mut indexed: Vec<String> = Vec::new();
        for (i, n) in corpus.nodes.iter().enumerate() {
            indexed.push(index.title(i).to_string());
            indexed.extend(n.document().unwrap().paragraphs.iter().map(|p| p.plain()));
        }
        let mut lines = g.lines.clone();
        lines.sort();
        indexed.sort();
        assert_eq!(lines, indexed);
    }

    #[test]
    fn generation_is_deterministic() {
        let a = generate(15, 9);
        let b = generate(15, 9);
        assert_eq!(a.files, b.files);
        assert_ne!(a.files, generate(15, 10).files);
    }
}
