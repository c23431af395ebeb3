//! The reading document: paragraphs of text and links, and a document's
//! links read alone.

/// Text as paragraphs of plain text and links.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Paragraph {
    /// A boxed slice: a paragraph's spans are fixed once loaded.
    pub spans: Box<[Span]>,
}

/// Boxed strings rather than `String`s: a span is never edited, and at a
/// million spans the capacity words add up (a span is 32 bytes, not 48).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Span {
    Text(Box<str>),
    /// A link shows its label in the text; a footnote marker's label is its
    /// number.
    Link {
        label: Box<str>,
        target: Box<str>,
    },
}

impl Span {
    pub fn text(&self) -> &str {
        match self {
            Span::Text(t) => t,
            Span::Link { label, .. } => label,
        }
    }
}

impl Paragraph {
    /// The paragraph as the reader sees it, link labels included.
    pub fn plain(&self) -> String {
        self.spans.iter().map(Span::text).collect()
    }
}

/// Paragraphs are joined by this in [`Document::plain`]; annotation offsets
/// count characters in that string.
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

impl Document {
    pub fn plain(&self) -> String {
        let parts: Vec<String> = self.paragraphs.iter().map(Paragraph::plain).collect();
        parts.join(PARAGRAPH_SEPARATOR)
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// Every link target, in reading order.
    pub fn links(&self) -> impl Iterator<Item = (usize, &str, &str)> {
        self.paragraphs.iter().enumerate().flat_map(|(i, p)| {
            p.spans.iter().filter_map(move |s| match s {
                Span::Link { label, target } => Some((i, &**label, &**target)),
                Span::Text(_) => None,
            })
        })
    }
}

/// A document's links as [`Document::links`] gives them: paragraph, label,
/// target.
pub type Links = Vec<(usize, Box<str>, Box<str>)>;

/// A document's links alone, read from a serialised [`Document`] without
/// keeping its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinksOnly(pub Links);

impl<'de> serde::Deserialize<'de> for LinksOnly {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<LinksOnly, D::Error> {
        use serde::de::IgnoredAny;
        #[derive(serde::Deserialize)]
        struct Doc {
            paragraphs: Vec<Para>,
        }
        #[derive(serde::Deserialize)]
        struct Para {
            spans: Vec<SpanLink>,
        }
        #[derive(serde::Deserialize)]
        enum SpanLink {
            Text(IgnoredAny),
            Link { label: Box<str>, target: Box<str> },
        }
        let doc = Doc::deserialize(d)?;
        let mut links = Vec::new();
        for (i, p) in doc.paragraphs.into_iter().enumerate() {
            for s in p.spans {
                if let SpanLink::Link { label, target } = s {
                    links.push((i, label, target));
                }
            }
        }
        Ok(LinksOnly(links))
    }
}
