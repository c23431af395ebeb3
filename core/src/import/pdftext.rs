//! A letter's PDF text as `pdftotext` gives it.

use super::{Document, ImportError, Report, Transcript};

pub fn parse(_text: &str, _report: &mut Report) -> Result<(Document, Transcript), ImportError> {
    Err(ImportError::whole("not yet"))
}
