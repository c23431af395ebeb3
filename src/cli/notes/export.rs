//! `dossier notes export`: the notes that pass the filters, in one of the
//! export formats, to standard output or to a file. A file is written
//! whole or not at all (see [`export_file`]).

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use dossier_core::anchor;
use dossier_core::annotation::Annotation;
use dossier_core::export::{self, Format, Lang, Options};

use super::filter::Filter;
use super::{ExportFormat, FilterArgs, open_store, usage};
use crate::cli::{Context, Global};
use crate::store::config::Language;
use crate::store::export_file;
use crate::store::notes::StoreError;

pub fn run(
    global: &Global,
    format: ExportFormat,
    output: Option<&Path>,
    filter: &FilterArgs,
) -> anyhow::Result<ExitCode> {
    let filter = match Filter::parse(filter) {
        Ok(f) => f,
        Err(e) => return Ok(usage(&e.0)),
    };
    let ctx = Context::new(global)?;
    let store = open_store(global, &ctx.config)?;
    // As `notes list`: a store with unreadable files is named, not exported
    // in part as if it were whole.
    let snapshot = store.load()?;
    if !snapshot.is_writable() {
        return Err(StoreError::Corrupt(snapshot.errors).into());
    }
    let selected: Vec<Annotation> = snapshot
        .notes
        .into_iter()
        .filter(|a| filter.matches(a))
        .collect();
    let anchored = |a: &Annotation| anchor::is_anchored(&ctx.corpus, &a.target);
    let lang = match ctx.config.language {
        Language::Nl => Lang::Nl,
        Language::En => Lang::En,
    };
    let options = Options {
        lang,
        tz: jiff::tz::TimeZone::system(),
        anchored: &anchored,
    };
    let format = core_format(format);
    match output {
        Some(path) => {
            export_file::write(path, |out| {
                export::write(format, out, &selected, &ctx.corpus, &options)
            })
            .map_err(anyhow::Error::msg)?;
            eprintln!(
                "{} exported to {} ({})",
                Lang::En.count(selected.len()),
                path.display(),
                format.as_str()
            );
        }
        None => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            let written = export::write(format, &mut out, &selected, &ctx.corpus, &options)
                .and_then(|()| out.flush());
            match written {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                other => other.context("cannot write the export")?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn core_format(format: ExportFormat) -> Format {
    match format {
        ExportFormat::Md => Format::Md,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
        ExportFormat::Html => Format::Html,
        ExportFormat::W3c => Format::W3c,
    }
}
