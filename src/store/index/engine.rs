//! The library's full-text index on tantivy: one document per
//! [`Unit`](super::units::Unit), one marker per source file with its
//! stamp, and the stamps' digest in the commit's payload. A start whose
//! files have the digest searches without reading them; otherwise the
//! units of the files that differ are replaced, and committed with the new
//! digest in one atomic commit.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use tantivy::collector::TopDocs;
use tantivy::query::{Query, TermQuery};
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, STRING, Schema, TEXT, TantivyDocument, Value,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyError, Term, doc};

use super::clauses::{Reach, plan_query};
use super::query::{Mode, Plan};
use super::units::{Shown, Unit};
pub use super::unmapped::Reading;

/// Changes whenever what is indexed, or how, changes: an index of another
/// version is rebuilt.
const VERSION: &str = "dossier-index-3";

/// The group of units that come from no file of the origin (the built-in
/// letter).
pub const BUILT_IN: &str = "built-in:";

/// Memory the writer may fill before it writes a segment.
const WRITER_MEMORY: usize = 50_000_000;

/// Why the index cannot serve.
pub type Error = TantivyError;

#[derive(Clone, Copy)]
pub(super) struct Fields {
    pub(super) id: Field,
    pub(super) group: Field,
    pub(super) kind: Field,
    pub(super) stamp: Field,
    pub(super) title: Field,
    pub(super) people: Field,
    pub(super) dossier: Field,
    pub(super) body: Field,
    pub(super) ident: Field,
    pub(super) shown: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let f = Fields {
        // A fast field too: a filter reads the id of every unit it
        // matches, at 100,000 documents in 13 ms for a word in each of
        // them, where the stored documents take 1.0 s.
        id: b.add_text_field("id", STRING | STORED | FAST),
        // Fast fields too: a sync reads every file's marker (see
        // [`super::stamps`]).
        group: b.add_text_field("group", STRING | STORED | FAST),
        kind: b.add_text_field("kind", STRING),
        stamp: b.add_text_field("stamp", STORED | FAST),
        title: b.add_text_field("title", TEXT),
        people: b.add_text_field("people", TEXT),
        dossier: b.add_text_field("dossier", TEXT),
        body: b.add_text_field("body", TEXT),
        ident: b.add_text_field("ident", STRING),
        shown: b.add_text_field("shown", STORED),
    };
    (b.build(), f)
}

/// A unit found, with its rank's score and what to show.
#[derive(Debug, Clone)]
pub struct Found {
    pub id: String,
    /// Higher is better; whole words outrank parts of words outrank typos.
    pub score: i64,
    pub shown: Shown,
}

/// What the commit's payload says.
#[derive(serde::Serialize, serde::Deserialize, Default)]
struct Payload {
    digest: String,
    /// The program that wrote the index ([`program`]): another one may
    /// read the same files into other units, so it indexes them all again.
    #[serde(default)]
    program: String,
    /// Problems met while the corpus was loaded, to report on every search.
    warnings: Vec<String>,
}

pub struct LibraryIndex {
    pub(super) reader: IndexReader,
    pub(super) f: Fields,
    warnings: Vec<String>,
}

/// What a sync needs from the library when the stamps differ.
pub struct Loaded {
    pub units: Vec<Unit>,
    pub warnings: Vec<String>,
}

impl LibraryIndex {
    /// An index in memory of these units, for a run without a cache.
    pub fn in_ram(loaded: Loaded) -> Result<LibraryIndex, Error> {
        let (schema, f) = schema();
        let index = Index::create_in_ram(schema);
        let mut w: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY)?;
        for u in &loaded.units {
            w.add_document(unit_doc(f, u, &u.file))?;
        }
        w.commit()?;
        LibraryIndex::ready(index, f, loaded.warnings)
    }

    /// The index in `dir`, brought up to date with `sources` (key and
    /// stamp of every file the library is read from): opened as it is when
    /// its digest matches, else updated from `load` for the files that
    /// differ, or rebuilt when it cannot be read. When another process
    /// holds the writer, this run searches an index in memory.
    pub fn open(
        dir: &Path,
        sources: &[(String, String)],
        load: &mut dyn FnMut(Option<&[String]>) -> Loaded,
    ) -> Result<LibraryIndex, Error> {
        LibraryIndex::open_with(dir, sources, load, Reading::Mapped)
    }

    /// [`LibraryIndex::open`], its files read as `reading` says.
    pub fn open_with(
        dir: &Path,
        sources: &[(String, String)],
        load: &mut dyn FnMut(Option<&[String]>) -> Loaded,
        reading: Reading,
    ) -> Result<LibraryIndex, Error> {
        let digest = digest(sources);
        let (schema, f) = schema();
        // A file that is not a regular one (a FIFO, say) would be waited
        // on when opened: such an index is built again.
        if !all_regular(dir) {
            wipe(dir)?;
        }
        let opened = match reading.open(dir) {
            Ok(i) if i.schema() == schema => Some(i),
            _ => None,
        };
        let payload: Payload = opened
            .as_ref()
            .and_then(|i| i.load_metas().ok())
            .and_then(|m| m.payload)
            .and_then(|p| serde_json::from_str(&p).ok())
            .unwrap_or_default();
        // Open as it is when it matches the files and every segment can be
        // read; anything less is built again.
        let index = match opened {
            Some(i) if payload.digest == digest => {
                if let Ok(ready) = LibraryIndex::ready(i.clone(), f, payload.warnings.clone()) {
                    return Ok(ready);
                }
                wipe(dir)?;
                reading.create(dir, schema)?
            }
            Some(i) if i.reader().is_ok() => i,
            _ => {
                wipe(dir)?;
                reading.create(dir, schema)?
            }
        };
        let mut writer: IndexWriter = match index.writer_with_num_threads(1, WRITER_MEMORY) {
            Ok(w) => w,
            Err(TantivyError::LockFailure(..)) => return LibraryIndex::in_ram(load(None)),
            Err(e) => return Err(e),
        };
        let known = super::stamps::markers(&index, f)?;
        let current: BTreeMap<&str, &str> = sources
            .iter()
            .map(|(k, s)| (k.as_str(), s.as_str()))
            .collect();
        let changed: Vec<String> = current
            .iter()
            .filter(|(k, s)| known.get(**k).map(String::as_str) != Some(**s))
            .map(|(k, _)| k.to_string())
            .chain(
                known
                    .keys()
                    .filter(|k| !current.contains_key(String::as_str(k)))
                    .cloned(),
            )
            .collect();
        // A file other than a dossier file (a text a dossier file
        // includes, the built-in letter) may change any unit: then every
        // unit is indexed again. Otherwise only the files that changed
        // are read.
        let whole = known.is_empty()
            || payload.program != program()
            || changed.iter().any(|k| !k.ends_with(".toml"));
        let present: Vec<String> = changed
            .iter()
            .filter(|k| current.contains_key(String::as_str(k)))
            .cloned()
            .collect();
        let loaded = if whole {
            load(None)
        } else {
            load(Some(&present))
        };
        let warnings: Vec<String> = if whole {
            loaded.warnings.clone()
        } else {
            payload
                .warnings
                .iter()
                .filter(|w| !changed.iter().any(|k| w.starts_with(k.as_str())))
                .chain(&loaded.warnings)
                .cloned()
                .collect()
        };
        let mut once = HashSet::new();
        let warnings: Vec<String> = warnings
            .into_iter()
            .filter(|w| once.insert(w.clone()))
            .collect();
        let group_of = |u: &Unit| -> String {
            if current.contains_key(u.file.as_str()) {
                u.file.clone()
            } else {
                BUILT_IN.to_string()
            }
        };
        if whole {
            writer.delete_all_documents()?;
        }
        let redo: HashSet<&str> = if whole {
            current.keys().copied().chain([BUILT_IN]).collect()
        } else {
            changed.iter().map(String::as_str).collect()
        };
        for key in &redo {
            if !whole {
                writer.delete_term(Term::from_field_text(f.group, key));
            }
            if let Some(stamp) = current.get(key) {
                writer.add_document(doc!(
                    f.group => *key,
                    f.kind => "file",
                    f.stamp => *stamp,
                ))?;
            }
        }
        for u in &loaded.units {
            let g = group_of(u);
            if redo.contains(g.as_str()) {
                writer.add_document(unit_doc(f, u, &g))?;
            }
        }
        let payload = Payload {
            digest,
            program: program(),
            warnings: warnings.clone(),
        };
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&serde_json::to_string(&payload).unwrap_or_default());
        commit.commit()?;
        writer.wait_merging_threads()?;
        LibraryIndex::ready(index, f, warnings)
    }

    fn ready(index: Index, f: Fields, warnings: Vec<String>) -> Result<LibraryIndex, Error> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(LibraryIndex {
            reader,
            f,
            warnings,
        })
    }

    /// Problems met when the library was last loaded.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// How many units the index holds.
    pub fn len(&self) -> usize {
        let searcher = self.reader.searcher();
        TermQuery::new(
            Term::from_field_text(self.f.kind, "unit"),
            IndexRecordOption::Basic,
        )
        .count(&searcher)
        .unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The best `limit` units for a plan: those matching every group with
    /// whole words first, then with words they start, then with words they
    /// are part of; words a typo away only when those find fewer than
    /// three.
    pub fn search(&self, plan: &Plan, limit: usize) -> Result<Vec<Found>, Error> {
        if plan.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let mut found: Vec<Found> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for level in 0..=3u8 {
            if found.len() >= limit {
                break;
            }
            if level == 3 && (found.len() >= 3 || !plan.atoms().any(|a| a.mode == Mode::Plain)) {
                break;
            }
            let Some(q) = plan_query(self.f, plan, Reach::Level(level)) else {
                continue;
            };
            let top = searcher.search(
                &q,
                &TopDocs::with_limit(limit + found.len()).order_by_score(),
            )?;
            for (score, addr) in top {
                let d: TantivyDocument = searcher.doc(addr)?;
                let text = |field: Field| {
                    d.get_first(field)
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                };
                let id = text(self.f.id);
                if found.len() >= limit || !seen.insert(id.clone()) {
                    continue;
                }
                let shown: Shown = serde_json::from_str(&text(self.f.shown)).unwrap_or_default();
                found.push(Found {
                    id,
                    score: i64::from(3 - level) * 1_000_000_000 + (score * 1000.0) as i64,
                    shown,
                });
            }
        }
        Ok(found)
    }
}

fn unit_doc(f: Fields, u: &Unit, group: &str) -> TantivyDocument {
    use dossier_core::text::fold;
    let mut d = TantivyDocument::default();
    d.add_text(f.id, &u.id);
    d.add_text(f.group, group);
    d.add_text(f.kind, "unit");
    d.add_text(f.title, fold(&u.title));
    for p in &u.people {
        d.add_text(f.people, fold(p));
    }
    d.add_text(f.dossier, fold(&u.dossier_title));
    for i in &u.idents {
        d.add_text(f.ident, i);
    }
    for (_, _, text) in &u.shown.passages {
        d.add_text(f.body, fold(text));
    }
    d.add_text(f.shown, serde_json::to_string(&u.shown).unwrap_or_default());
    d
}

/// This index's version, the program's, and a stamp of its executable:
/// a new build may read the same files differently.
fn program() -> String {
    let exe = crate::store::stamp::program()
        .map(|(len, modified)| format!("{len}:{modified}"))
        .unwrap_or_default();
    format!("{VERSION}/{}/{exe}", env!("CARGO_PKG_VERSION"))
}

/// The digest of the sources' stamps and of the program: the same for
/// the same files in any order (a folder lists its files in no set
/// order), without sorting 100,000 of them.
pub(super) fn digest(sources: &[(String, String)]) -> String {
    use std::hash::{Hash, Hasher};
    let one = |item: &dyn Fn(&mut std::collections::hash_map::DefaultHasher)| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        item(&mut h);
        h.finish()
    };
    let (mut sum, mut mixed) = (0u64, 0u64);
    for (k, s) in sources {
        let h = one(&|h| (k, s).hash(h));
        sum = sum.wrapping_add(h);
        mixed ^= h.rotate_left(17).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    let program = one(&|h| program().hash(h));
    format!("{program:016x}{sum:016x}{mixed:016x}:{}", sources.len())
}

/// Whether every entry of the index folder is a regular file.
fn all_regular(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .all(|e| e.file_type().is_ok_and(|t| t.is_file()))
    })
}

/// Empties an index folder that cannot be read, to build it again.
fn wipe(dir: &Path) -> Result<(), Error> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    Ok(())
}
