//! A node's body: its document held, or read lazily from a
//! [`BodySource`] when first asked for.

use super::Document;

/// A node's body: its document, held, or read from where the corpus was
/// loaded when first asked for (see [`BodySource`]). A held body is no
/// larger than its document: a corpus loaded whole pays nothing for the
/// other kind.
///
/// Reading a body can fail (a cache file changed or cut short since it was
/// loaded), so a body is not a [`Document`]: it is asked for one with
/// [`Body::get`], or through [`Corpus::body`](super::Corpus::body) and
/// [`Node::document`](super::Node::document), which say which node could
/// not be read. What cannot be read is an error for the caller to show
/// as such, never text put in the document.
#[derive(Clone)]
pub enum Body {
    Held(Document),
    Lazy(Box<LazyBody>),
}

/// A body read when first asked for. Its outcome, document or failure, is
/// kept: a body that could not be read is not tried again on every frame.
#[derive(Clone)]
pub struct LazyBody {
    doc: std::sync::OnceLock<Result<Document, String>>,
    source: std::sync::Arc<dyn BodySource>,
    at: u64,
}

/// Where the bodies of a corpus loaded without them are read from: a cache
/// file, say. `at` is what the loader gave [`Body::lazy`]; the error says
/// where the source looked and what went wrong.
pub trait BodySource: Send + Sync {
    fn body(&self, at: u64) -> Result<Document, String>;
}

/// A node whose text could not be read: which node, and why, in the
/// words of its [`BodySource`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct BodyError {
    pub node: String,
    pub reason: String,
}

impl std::fmt::Display for BodyError {
    /// Ids and reasons quote files, so they are cleaned where shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::text::sanitize_line;
        write!(
            f,
            "{}: the text cannot be read: {}",
            sanitize_line(&self.node),
            sanitize_line(&self.reason)
        )
    }
}

impl Default for Body {
    fn default() -> Body {
        Body::Held(Document::default())
    }
}

impl Body {
    /// A body read from `source` when first asked for.
    pub fn lazy(source: std::sync::Arc<dyn BodySource>, at: u64) -> Body {
        Body::Lazy(Box::new(LazyBody {
            doc: std::sync::OnceLock::new(),
            source,
            at,
        }))
    }

    /// The document, read now if it was not yet; else why it cannot be
    /// read (the same reason on every later call).
    pub fn get(&self) -> Result<&Document, &str> {
        match self {
            Body::Held(d) => Ok(d),
            Body::Lazy(l) => l
                .doc
                .get_or_init(|| l.source.body(l.at))
                .as_ref()
                .map_err(String::as_str),
        }
    }

    /// The document, for a loader that changes it before the corpus is
    /// built: only a held body has one to change.
    pub fn held_mut(&mut self) -> Option<&mut Document> {
        match self {
            Body::Held(d) => Some(d),
            Body::Lazy(_) => None,
        }
    }

    /// The document, read now if it was not yet; else why it cannot be
    /// read.
    pub fn into_document(self) -> Result<Document, String> {
        match self {
            Body::Held(d) => Ok(d),
            Body::Lazy(l) => {
                let LazyBody { doc, source, at } = *l;
                doc.into_inner().unwrap_or_else(|| source.body(at))
            }
        }
    }
}

impl From<Document> for Body {
    fn from(d: Document) -> Body {
        Body::Held(d)
    }
}

/// Two bodies are equal when they read as the same document, or fail for
/// the same reason.
impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        self.get() == other.get()
    }
}

impl Eq for Body {}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Held(d) => d.fmt(f),
            Body::Lazy(l) => match l.doc.get() {
                Some(Ok(d)) => d.fmt(f),
                Some(Err(e)) => write!(f, "Body(unreadable: {e})"),
                None => f.write_str("Body(not read yet)"),
            },
        }
    }
}

/// A body that cannot be read is an error here too: it is not written as
/// an empty document.
impl serde::Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.get()
            .map_err(<S::Error as serde::ser::Error>::custom)?
            .serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Body {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Body, D::Error> {
        Document::deserialize(d).map(Body::from)
    }
}
