//! Case 6 of issue 15: `dossier check` reports every problem of a file,
//! sorted by file and line, at their real positions.

use super::Sandbox;

#[test]
fn five_problems_in_one_file_are_five_lines_in_order() {
    let s = Sandbox::new();
    s.write(
        "d/a.toml",
        "[dossier]\nid = \"a\"\ntitle = \"A\"\nsource = \"kst-32317-987\"\nkleur = \"rood\"\n\n\
         [[section]]\nid = \"a/een\"\ntitle = 1\n\n\
         [[section]]\nid = \"Twee\"\ntitle = \"Twee\"\n\n\
         [[annex]]\nid = \"a/b1\"\ntitle = \"B\"\nnummer = 1\n\n\
         [[reference]]\nid = \"r\"\ntitle = \"R\"\nkind = \"boek\"\ndossier_number = \"1\"\nnumber = \"2\"\n",
    );
    s.write(
        "d/b.toml",
        "[[reference]]\nid = \"q\"\ntitle = \"Q\"\nkind = \"motie\"\ndossier_number = \"1\"\nnumber = \"3\"\nsoort = 2\n",
    );
    let (code, out, err) = s.run_bare(&["check", s.path("d").to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    let places: Vec<String> = lines
        .iter()
        .map(|l| l.splitn(4, ':').take(3).collect::<Vec<_>>().join(":"))
        .collect();
    let d = s.path("d");
    let a = d.join("a.toml").display().to_string();
    let b = d.join("b.toml").display().to_string();
    assert_eq!(
        places,
        [
            format!("{a}:5:1"),
            format!("{a}:9:9"),
            format!("{a}:12:6"),
            format!("{a}:18:1"),
            format!("{a}:23:8"),
            format!("{b}:7:1"),
        ],
        "{out}"
    );
    assert!(lines[0].contains("unknown field `kleur`"), "{out}");
    assert!(lines[2].contains("`Twee` is not a valid id"), "{out}");
    assert!(lines[4].contains("unknown variant `boek`"), "{out}");
    assert!(err.contains("6 problem(s)"), "{err}");
}

#[test]
fn a_key_nested_too_deep_is_reported_at_its_line() {
    let s = Sandbox::new();
    s.write(
        "d/z.toml",
        format!(
            "[dossier]\nid = \"z\"\ntitle = \"Z\"\n{}b = 1\n",
            "a.".repeat(300)
        ),
    );
    let (code, out, _) = s.run_bare(&["check", s.path("d").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("z.toml:4:1: recursion limit"), "{out}");
}

#[test]
fn a_semantic_problem_before_a_syntax_error_is_reported_too() {
    let s = Sandbox::new();
    s.write(
        "d/c.toml",
        "[[reference]]\nid = \"R\"\ntitle = \"R\"\nkind = \"motie\"\ndossier_number = \"1\"\nnumber = \"2\"\n\n\
         [[reference]]\nid = \"s\"\ntitle = \n",
    );
    let (_, out, _) = s.run_bare(&["check", s.path("d").to_str().unwrap()]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].contains("c.toml:2:6: `R` is not a valid reference id"),
        "{out}"
    );
    assert!(lines[1].contains("c.toml:10:"), "{out}");
}

#[test]
fn a_file_name_outside_the_id_rule_is_refused_with_a_message() {
    let s = Sandbox::new();
    s.write(
        "d/a$b.toml",
        "[[reference]]\nid = \"q\"\ntitle = \"Q\"\nkind = \"motie\"\ndossier_number = \"1\"\nnumber = \"3\"\n",
    );
    let (code, out, _) = s.run_bare(&["check", s.path("d").to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("a$b.toml: not a valid dossier file name"),
        "{out}"
    );
}
