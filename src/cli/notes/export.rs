//! `dossier notes export`: the notes that pass the filters, in one of the
//! export formats, to standard output or to a file. A file is written
//! whole or not at all (see [`export_file`]).

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use dossier_core::export::Format;
use dossier_core::messages::{EN, messages};

use super::{ExportFormat, FilterArgs};
use crate::app::Paths;
use crate::store::export_file;

pub fn run(
    paths: &Paths,
    format: ExportFormat,
    output: Option<&Path>,
    filter: &FilterArgs,
    delimiter: Option<u8>,
) -> anyhow::Result<ExitCode> {
    let filter = match filter.filter() {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    let mut app = crate::cli::open(paths)?;
    let corpus = crate::cli::loaded(&mut app);
    let lang = app.lang();
    // A Dutch sheet in a spreadsheet set to Dutch splits on `;`.
    let delimiter = delimiter.unwrap_or(messages(lang).export.csv_delimiter);
    let selected = super::selected(super::whole(&app)?.notes, &corpus, &filter);
    let format = core_format(format);
    match output {
        Some(path) => {
            // The command line's messages are English, as its success line
            // below: the export itself is in `lang`.
            export_file::write(path, |out| {
                export_file::export_to(out, format, &selected, &corpus, (lang, delimiter))
            })
            .map_err(anyhow::Error::msg)?;
            let count = (EN.shared.notes_count)(selected.len());
            let said = (EN.export.exported)(&count, &path.display().to_string());
            eprintln!("{said} ({})", format.as_str());
        }
        None => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            let written =
                export_file::export_to(&mut out, format, &selected, &corpus, (lang, delimiter))
                    .and_then(|()| out.flush());
            match written {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                other => other.context("cannot write the export")?,
            }
        }
    }
    crate::app::leave_to_exit(app);
    Ok(ExitCode::SUCCESS)
}

fn core_format(format: ExportFormat) -> Format {
    match format {
        ExportFormat::Md => Format::Md,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
        ExportFormat::Html => Format::Html,
        ExportFormat::W3c => Format::W3c,
    }
}

/// `--delimiter`: one character, or its name (`comma`, `semicolon`, `tab`).
pub fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "," | "comma" | "komma" => Ok(b','),
        ";" | "semicolon" | "puntkomma" => Ok(b';'),
        "\t" | "tab" => Ok(b'\t'),
        _ => Err(format!(
            "`{s}` is not a delimiter: use `,` (comma), `;` (semicolon, for a \
             spreadsheet set to Dutch) or `tab`"
        )),
    }
}
