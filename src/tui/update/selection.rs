//! Selecting a passage (`v`): where the selection starts, and its moving
//! end stepped by a character, word, sentence, paragraph or line.

use dossier_core::motion::{
    next_sentence_end, next_sentence_start, next_word_end, next_word_start, prev_sentence_end,
    prev_sentence_start, prev_word_end, prev_word_start,
};

use super::notes::unreadable;
use crate::tui::action::Action;
use crate::tui::state::{Pane, Reading, Screen, State};
use dossier_core::messages::messages;

/// Moves the selection's moving end; `false` if the action is not a motion.
pub(super) fn extend(s: &mut State, a: Action) -> bool {
    let Some((anchor, (p, c))) = s.selection() else {
        return false;
    };
    let Some(open) = s.open else { return false };
    let Ok(doc) = s.corpus.body(open) else {
        return false;
    };
    let len = |p: usize| {
        doc.paragraphs
            .get(p)
            .map_or(0, |x| x.plain().chars().count())
    };
    let line = usize::from(s.reader_size.0.max(10));
    let to = match a {
        Action::ExtendCharForward => {
            if c + 1 < len(p) {
                (p, c + 1)
            } else if p + 1 < doc.paragraphs.len() {
                (p + 1, 0)
            } else {
                (p, c)
            }
        }
        Action::ExtendCharBack => {
            if c > 0 {
                (p, c - 1)
            } else if p > 0 {
                (p - 1, len(p - 1).saturating_sub(1))
            } else {
                (p, c)
            }
        }
        // The moving end is inclusive: after the anchor it is a word's
        // last character, before it a word's first.
        Action::ExtendWordForward if (p, c) >= anchor => {
            (p, next_word_end(&doc.paragraphs[p].plain(), c))
        }
        Action::ExtendWordForward => (p, next_word_start(&doc.paragraphs[p].plain(), c)),
        Action::ExtendWordBack if (p, c) > anchor => {
            let end = prev_word_end(&doc.paragraphs[p].plain(), c);
            (p, if (p, end) < anchor { anchor.1 } else { end })
        }
        Action::ExtendWordBack => (p, prev_word_start(&doc.paragraphs[p].plain(), c)),
        Action::ExtendSentenceForward if (p, c) >= anchor => {
            (p, next_sentence_end(&doc.paragraphs[p].plain(), c))
        }
        Action::ExtendSentenceForward => (p, next_sentence_start(&doc.paragraphs[p].plain(), c)),
        Action::ExtendSentenceBack if (p, c) > anchor => {
            match prev_sentence_end(&doc.paragraphs[p].plain(), c) {
                Some(end) if (p, end) >= anchor => (p, end),
                _ => anchor,
            }
        }
        Action::ExtendSentenceBack => (p, prev_sentence_start(&doc.paragraphs[p].plain(), c)),
        // A paragraph step goes to the paragraph's end (or start), and
        // from there to the next (or previous) one's.
        Action::ExtendParagraphForward => {
            let end = len(p).saturating_sub(1);
            if c < end || p + 1 >= doc.paragraphs.len() {
                (p, end)
            } else {
                (p + 1, len(p + 1).saturating_sub(1))
            }
        }
        Action::ExtendParagraphBack if (p, c) > anchor => {
            if p > anchor.0 {
                (p - 1, len(p - 1).saturating_sub(1))
            } else {
                anchor
            }
        }
        Action::ExtendParagraphBack => {
            if c > 0 || p == 0 {
                (p, 0)
            } else {
                (p - 1, 0)
            }
        }
        Action::ExtendLineDown => (p, (c + line).min(len(p).saturating_sub(1))),
        Action::ExtendLineUp => (p, c.saturating_sub(line)),
        Action::DropSelection => {
            s.drop_selection();
            return true;
        }
        _ => return false,
    };
    s.screen = Screen::Read(Reading::Selecting((anchor, to)));
    true
}

/// Starts a selection at the current find hit (selecting it), the
/// passage the finder jumped to, or the first paragraph in view.
pub(super) fn start_selection(s: &mut State) {
    let Some(open) = s.open else { return };
    let Ok(doc) = s.corpus.body(open) else {
        return unreadable(s);
    };
    if doc.paragraphs.is_empty() {
        s.message = Some(messages(s.lang).notes.whole_node.to_string());
        return;
    }
    let marked = s.marks.first().map(|&(p, _)| p).map(|p| {
        let chars = s.marks.iter().filter(|m| m.0 == p).map(|m| m.1);
        (
            (p, chars.clone().min().unwrap_or(0)),
            (p, chars.max().unwrap_or(0)),
        )
    });
    let sel = match s.find.hits.get(s.find.current) {
        Some(&(p, a, b)) if !s.find.query.is_empty() => ((p, a), (p, b.saturating_sub(1).max(a))),
        // The passage the finder jumped to.
        _ if marked.is_some() => marked.unwrap_or_default(),
        _ => {
            let p = s
                .layout
                .lines
                .iter()
                .skip(s.scroll)
                .flat_map(|l| l.segs.iter())
                .find_map(|seg| seg.para)
                .unwrap_or(0);
            let end = next_word_end(&doc.paragraphs[p].plain(), 0);
            ((p, 0), (p, end))
        }
    };
    s.screen = Screen::Read(Reading::Selecting(sel));
    s.focus = Pane::Reader;
}
