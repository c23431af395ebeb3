use super::*;
use crate::annotation::{Kind, Status};

/// Every text of a catalogue, by name: each field that is a text, the
/// lists' entries, and each message with values filled in. A field added
/// to a struct and not named here does not compile: the patterns below
/// name every field.
fn texts(m: &Messages) -> Vec<(String, String)> {
    macro_rules! texts {
        ($out:ident, $value:expr => $Type:ident { $($text:ident),* ; $($other:ident),* }) => {{
            let $Type { $($text,)* $($other: _,)* } = &$value;
            $( $out.push((
                concat!(stringify!($Type), ".", stringify!($text)).to_string(),
                $text.to_string(),
            )); )*
        }};
    }
    let mut out = vec![("code".to_string(), m.code.to_string())];
    texts!(out, m.shared.kinds => NoteKinds { note, question, toezegging, action; });
    texts!(out, m.shared.doc_kinds => DocKinds {
        brief, motie, amendement, verslag, nota, agenda, wetsvoorstel, memorie, advies, lijst,
        jaarverslag, kamerstuk;
    });
    texts!(out, m.shared.node_kinds => NodeKinds { section, footnote, annex, reference; });
    texts!(out, m.commands => Commands {
        document, dossier, reference, sender, signed, description, links, not_in_library,
        references, passage, node_gone, passage_gone, stood_in, changed, no_notes_in;
    });
    texts!(out, m.browse.modes => ModeNames {
        read, select, peek, error, find, filter, finder, timeline, help, editor, overview, export,
        confirm;
    });
    texts!(out, m.keys.actions => ActionWords {
        quit, help, next_pane, prev_pane, up, down, page_up, page_down, top, bottom, open,
        follow_link, collapse_node, expand_node, back, forward, next_link, prev_link, peek,
        find, find_next, find_prev, finder, filter, filter_timeline, clear_search, group_by,
        tree_width, details, timeline, fold_all, toggle_done, clear_prompt, unfold_all, copy,
        open_address, select, annotate, edit, delete, undo, overview, export, erase, save,
        next_field, prev_field, next_value, prev_value, sort, action_list;
    });
    texts!(out, m.shared => Shared {
        open, done, date_unknown, yes, no, source, of, reference, tags, owner, due, countries,
        citation, url, contents, cited_by, also_in, notes, dossier, no_annex_text,
        no_footnote_text;
        kinds, months, date, notes_count, doc_kinds, node_kinds, local_notice
    });
    texts!(out, m.export => Export {
        generated_by, empty, general, cited_in, unknown_node, by, updated, detached, id;
        csv_header, csv_delimiter, exported, cannot_write, no_folder, io_reason
    });
    texts!(out, m.browse => Browse {
        tree, reader, help_title, finder, finder_prompt, find_prompt, filter_prompt,
        filter_hint, filter, no_hits, hits, hit, auto, signed_by, line, index_damaged, timeline,
        no_documents, no_address, copied, in_file, opening, cannot_open, other_documents,
        no_theme, opens_document, not_in_library, load_error, no_link, no_links, too_small,
        no_history, searching, loading, unreadable, unreadable_hint, unreadable_here,
        some_unreadable;
        modes
    });
    texts!(out, m.keys => Keys {
        close, open, choose, finished, cancel, all_keys, keys, details, word, sentence,
        paragraph, go_to, open_actions, value, field, export, select_char_on, select_char_back,
        select_word_on, select_word_back, select_sentence_on, select_sentence_back,
        select_paragraph_end, select_paragraph_start, select_line_on, select_line_back,
        drop_selection, annotate_passage, attach_note, close_help, open_it, close_timeline,
        editor_cancel, next_kind_or_status, prev_kind_or_status, next_suggestion,
        prev_suggestion, take_tag, next_note, prev_note, go_to_note, sort_orders, next_filter,
        prev_filter, next_filter_value, prev_filter_value, clear_filter, edit_the_note,
        delete_the_note, next_format_or_scope, prev_format_or_scope, typing, filter_by_text,
        type_file_name, edit_text_and_fields, finder_syntax;
        actions
    });
    texts!(out, m.notes => Notes {
        new_note, edit_note, kind, status, whole_node, confirm_discard, overwrite, detached_hint,
        no_notes, saved, deleted, deleted_here, undone, nothing_to_undo, read_only,
        kept_as_draft, draft_offer, pane_hidden, focus_notes, all_notes, text_filter, tag,
        kind_column, status_column, owner_column, due_column, section_column, author, detached,
        attached, any, order, written, export_title, format, separator, file, semicolon, comma,
        no_filter, file_stem;
        scope_filtered, scope_all, export_failed, bad_due, bad_kind, bad_status
    });
    let (s, e, n) = (&m.shared, &m.export, &m.notes);
    let mut add = |name: &str, text: String| out.push((name.to_string(), text));
    for (i, month) in s.months.iter().enumerate() {
        add(&format!("months[{i}]"), month.to_string());
    }
    for (i, column) in e.csv_header.iter().enumerate() {
        add(&format!("csv_header[{i}]"), column.to_string());
    }
    add("date", (s.date)(17, s.months[11], 2025));
    add("notes_count(1)", (s.notes_count)(1));
    add("notes_count(3)", (s.notes_count)(3));
    add("local_notice", (s.local_notice)("./dossiers"));
    add("exported", (e.exported)("3", "a.md"));
    add("cannot_write", (e.cannot_write)("a.md", "x"));
    add("no_folder", (e.no_folder)("a.md", "d"));
    add("scope_filtered", (n.scope_filtered)("x", 1, 2));
    add("scope_all", (n.scope_all)(2));
    add("export_failed", (n.export_failed)("x"));
    add("bad_due", (n.bad_due)("x"));
    add("bad_kind", (n.bad_kind)("x"));
    add("bad_status", (n.bad_status)("x"));
    out
}

#[test]
fn no_message_is_empty_in_either_language() {
    for lang in Lang::ALL {
        let all = texts(messages(lang));
        for (name, text) in &all {
            assert!(!text.trim().is_empty(), "{lang:?}: {name} is empty");
        }
        // Every field was found: the catalogue holds over 300 texts.
        assert!(all.len() > 300, "{}", all.len());
    }
}

#[test]
fn dutch_and_english_differ_where_they_should() {
    let (nl, en) = (texts(&NL), texts(&EN));
    let text = |all: &[(String, String)], name: &str| {
        all.iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| panic!("no message {name}"))
    };
    for name in [
        "code",
        "NoteKinds.question",
        "DocKinds.motie",
        "Shared.done",
        "Shared.yes",
        "Commands.sender",
        "Export.generated_by",
        "Browse.reader",
        "ModeNames.read",
        "ActionWords.quit",
        "Keys.close",
        "Notes.saved",
        "months[2]",
        "csv_header[2]",
        "date",
        "notes_count(3)",
        "bad_due",
    ] {
        assert_ne!(text(&nl, name), text(&en, name), "{name}");
    }
    // Words the two languages share.
    for name in ["Shared.tags", "Shared.url", "Shared.open", "Export.id"] {
        assert_eq!(text(&nl, name), text(&en, name), "{name}");
    }
    // Most messages are translated: a catalogue half copied is not.
    let same = nl.iter().zip(&en).filter(|(a, b)| a.1 == b.1).count();
    assert!(same * 8 < nl.len(), "{same} of {} the same", nl.len());
}

#[test]
fn a_phrase_names_the_same_keys_in_either_language() {
    let keys = |text: &str| {
        let mut names: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        names.sort();
        names
    };
    for ((name, nl), (_, en)) in texts(&NL).iter().zip(&texts(&EN)) {
        assert_eq!(keys(nl), keys(en), "{name}");
    }
}

#[test]
fn every_word_reads_back_as_what_it_names() {
    for lang in Lang::ALL {
        let m = messages(lang);
        for k in Kind::ALL {
            assert_eq!(Kind::parse(m.shared.kind(k)), Some(k), "{lang:?} {k:?}");
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(m.shared.status(s)), Some(s), "{lang:?} {s:?}");
        }
    }
}

#[test]
fn dates_read_as_written_in_each_language() {
    assert_eq!(NL.shared.long_date("2025-12-17"), "17 december 2025");
    assert_eq!(EN.shared.long_date("2025-03-01"), "1 March 2025");
    assert_eq!(NL.shared.long_date("eind 2025"), "eind 2025");
    assert_eq!(EN.shared.document_date(None), "date unknown");
    assert_eq!(capitalised("ëen"), "Ëen");
}
