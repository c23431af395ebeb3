//! The source's text by rule alone: every text node of the `stuk` but its
//! heading (`stuknr`, `titel`, `datumtekst`), footnote texts by number, the
//! signature apart. A `nootref` shows its footnote's number; table cells
//! are separated by `|`, as the import writes them.
//!
//! The running text is in the order of the source's sections: each
//! `divisie` heading (`kop`) and `tussenkop` opens a section, and a
//! section's own text comes before its sub-sections, as the library file
//! holds them; text after a closed `divisie` is its parent's.

use std::collections::HashMap;

use roxmltree::Node;

use super::super::Transcript;
use super::{Src, child, trim_value};

/// A section of the source: its level (0 for the document), its text and
/// its sub-sections.
struct Segment {
    level: usize,
    parent: usize,
    text: Vec<(usize, String)>,
    children: Vec<usize>,
}

struct Walk<'s, 'x> {
    src: &'s Src,
    ids: HashMap<&'x str, String>,
    note_count: u32,
    t: Transcript,
    segments: Vec<Segment>,
    current: usize,
    /// Each open `divisie`: the level around it and its own.
    divisies: Vec<(usize, usize)>,
}

pub(super) fn transcribe<'x>(src: &Src, stuk: Node<'x, 'x>) -> Transcript {
    let mut ids: HashMap<&'x str, String> = HashMap::new();
    for n in stuk.descendants().filter(|n| n.has_tag_name("noot")) {
        src.tick(1);
        if let (Some(id), Some(nr)) = (n.attribute("id"), child(n, "noot.nr")) {
            ids.insert(trim_value(id), src.all_text(nr).trim().to_string());
        }
    }
    let mut w = Walk {
        src,
        ids,
        note_count: 0,
        t: Transcript::default(),
        segments: vec![Segment {
            level: 0,
            parent: 0,
            text: Vec::new(),
            children: Vec::new(),
        }],
        current: 0,
        divisies: Vec::new(),
    };
    for c in stuk.children() {
        if c.is_element() && matches!(c.tag_name().name(), "stuknr" | "titel" | "datumtekst") {
            continue;
        }
        w.walk(c);
    }
    // The sections in tree order, without recursion.
    let mut running = Vec::new();
    let mut stack = vec![0usize];
    while let Some(s) = stack.pop() {
        let seg = &mut w.segments[s];
        running.append(&mut seg.text);
        stack.extend(seg.children.iter().rev());
    }
    w.t.running = running;
    w.t
}

impl<'x> Walk<'_, 'x> {
    fn push(&mut self, line: usize, text: String) {
        self.segments[self.current].text.push((line, text));
    }

    /// Opens a section at `level` under the open one a level above.
    fn open(&mut self, level: usize) {
        let mut parent = self.current;
        while self.segments[parent].level >= level && parent != 0 {
            parent = self.segments[parent].parent;
        }
        let index = self.segments.len();
        self.segments.push(Segment {
            level: self.segments[parent].level + 1,
            parent,
            text: Vec::new(),
            children: Vec::new(),
        });
        self.segments[parent].children.push(index);
        self.current = index;
    }

    /// Back to the open section at `level`.
    fn close_to(&mut self, level: usize) {
        while self.segments[self.current].level > level && self.current != 0 {
            self.current = self.segments[self.current].parent;
        }
    }

    fn heading(&mut self, n: Node, level: usize) -> bool {
        if self.src.all_text(n).trim().is_empty() {
            return false;
        }
        self.open(level);
        for d in n.descendants().filter(Node::is_text) {
            self.src.tick(1);
            let l = self.src.line(d);
            self.push(l, d.text().unwrap_or("").to_string());
        }
        true
    }

    fn walk(&mut self, n: Node<'x, 'x>) {
        self.src.tick(1);
        let line = self.src.line(n);
        if n.is_text() {
            let text = n.text().unwrap_or("");
            self.src.tick(text.len() as u64);
            self.push(line, text.to_string());
            return;
        }
        match n.tag_name().name() {
            "divisie" => {
                let outer = self.divisies.last().map_or(0, |d| d.1);
                self.divisies.push((outer, outer));
                for c in n.children() {
                    self.walk(c);
                }
                self.divisies.pop();
                self.close_to(outer);
            }
            "kop" => {
                let level = self.divisies.last().map_or(0, |d| d.0) + 1;
                if self.heading(n, level)
                    && let Some(d) = self.divisies.last_mut()
                {
                    d.1 = level;
                }
            }
            "tussenkop" => {
                let level = self.divisies.last().map_or(0, |d| d.1) + 1;
                self.heading(n, level);
            }
            "noot" => {
                self.note_count += 1;
                let nr = child(n, "noot.nr").map(|m| self.src.all_text(m).trim().to_string());
                let number = nr
                    .as_deref()
                    .and_then(|s| s.parse::<u32>().ok())
                    .unwrap_or(self.note_count);
                self.push(line, nr.unwrap_or_else(|| number.to_string()));
                let entry = self.t.footnotes.entry(number).or_default();
                if entry.is_empty() {
                    for c in n.children().filter(|c| !c.has_tag_name("noot.nr")) {
                        for d in c.descendants().filter(Node::is_text) {
                            self.src.tick(1);
                            let l = self.src.line(d);
                            entry.push((l, d.text().unwrap_or("").to_string()));
                        }
                    }
                }
            }
            "nootref" => {
                if let Some(nr) = n
                    .attribute("refid")
                    .map(trim_value)
                    .and_then(|r| self.ids.get(r))
                {
                    let nr = nr.clone();
                    self.push(line, nr);
                }
            }
            "ondertekening" => {
                for d in n.descendants().filter(Node::is_text) {
                    self.src.tick(1);
                    let l = self.src.line(d);
                    self.t
                        .signature
                        .push((l, d.text().unwrap_or("").to_string()));
                }
            }
            "row" => {
                for (i, entry) in n.children().filter(|e| e.has_tag_name("entry")).enumerate() {
                    if i > 0 {
                        self.push(line, " | ".into());
                    }
                    self.walk(entry);
                }
            }
            _ => {
                for c in n.children() {
                    self.walk(c);
                }
            }
        }
    }
}
