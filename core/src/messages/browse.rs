//! The interface's reading screens: the tree, the text, the finder, the
//! timeline, the popups and the status bar.

pub struct Browse {
    /// The tree pane's title.
    pub tree: &'static str,
    /// The text pane's title.
    pub reader: &'static str,
    /// The help overlay's title.
    pub help_title: &'static str,
    /// The finder's title: search in every text.
    pub finder: &'static str,
    pub finder_prompt: &'static str,
    /// Finding in the text shown.
    pub find_prompt: &'static str,
    pub filter_prompt: &'static str,
    /// What the tree's filter takes.
    pub filter_hint: &'static str,
    pub filter: &'static str,
    pub no_hits: &'static str,
    pub hits: &'static str,
    pub hit: &'static str,
    /// The tree's width when it follows the window's.
    pub auto: &'static str,
    pub signed_by: &'static str,
    /// A line of the text, in the text pane's title.
    pub line: &'static str,
    /// The search index changed under the running program.
    pub index_damaged: &'static str,
    pub timeline: &'static str,
    pub no_documents: &'static str,
    /// A node without an official address.
    pub no_address: &'static str,
    /// A passage copied to the clipboard.
    pub copied: &'static str,
    /// Before the file a copy was also written to.
    pub in_file: &'static str,
    /// Before an address opened in the browser.
    pub opening: &'static str,
    /// Before an address the browser could not be started for.
    pub cannot_open: &'static str,
    /// The tree's group of documents in no Kamerstuk dossier.
    pub other_documents: &'static str,
    /// The tree's group of documents without a theme.
    pub no_theme: &'static str,
    /// Above a cited document that is in the library.
    pub opens_document: &'static str,
    /// A cited document that is not in the library, before its address.
    pub not_in_library: &'static str,
    /// A dossier file that failed to load.
    pub load_error: &'static str,
    pub no_link: &'static str,
    pub no_links: &'static str,
    pub too_small: &'static str,
    pub no_history: &'static str,
    pub searching: &'static str,
    /// Before the folder the dossiers are loaded from.
    pub loading: &'static str,
    /// A node whose text cannot be read: the reader's notice.
    pub unreadable: &'static str,
    pub unreadable_hint: &'static str,
    /// Selecting, annotating or finding in such a text.
    pub unreadable_here: &'static str,
    /// Search left such texts out.
    pub some_unreadable: &'static str,
    /// The names of the modes, in the status bar and the help.
    pub modes: ModeNames,
}

/// The modes of the interface, in capitals: `LEZEN`, `READ`.
pub struct ModeNames {
    pub read: &'static str,
    pub select: &'static str,
    pub peek: &'static str,
    pub error: &'static str,
    pub find: &'static str,
    pub filter: &'static str,
    pub finder: &'static str,
    pub timeline: &'static str,
    pub help: &'static str,
    pub editor: &'static str,
    pub overview: &'static str,
    pub export: &'static str,
    pub confirm: &'static str,
}
