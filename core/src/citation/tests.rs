use super::*;

fn id(dossier: &str, number: &str, chamber: Option<Chamber>) -> KstId {
    KstId {
        dossier: dossier.into(),
        number: number.into(),
        chamber,
    }
}

#[test]
fn every_notation_parses_to_one_identifier() {
    let cases: [(&str, KstId); 14] = [
        ("Kamerstuk 32317-973", id("32317", "973", None)),
        (
            "Kamerstukken II 2024/25, 21 501-20, nr. 2245",
            id("21501-20", "2245", Some(Chamber::TweedeKamer)),
        ),
        ("32317- 978", id("32317", "978", None)),
        ("kst-32317-978", id("32317", "978", None)),
        ("motie 21501-04-287", id("21501-04", "287", None)),
        ("19637/36045-3478", id("19637/36045", "3478", None)),
        ("36410-VI, nr. 60", id("36410-VI", "60", None)),
        (
            "Kamerstukken I 2023/24, 36410 VI, A",
            id("36410-VI", "A", Some(Chamber::EersteKamer)),
        ),
        ("Kamerstuk 32 317, nr. 878", id("32317", "878", None)),
        (
            "Kamerstuk 19 637/ 36 045, nr. 3478",
            id("19637/36045", "3478", None),
        ),
        (
            "Motie Tweede Kamer, 21501-04-287.",
            id("21501-04", "287", None),
        ),
        ("kst-36410-VI-60", id("36410-VI", "60", None)),
        (
            "kst-36410-vi-a",
            id("36410-VI", "A", Some(Chamber::EersteKamer)),
        ),
        ("36 200-XIV, nr. 61", id("36200-XIV", "61", None)),
    ];
    for (text, want) in cases {
        assert_eq!(parse(text), Some(want), "{text}");
    }
}

#[test]
fn identifiers_references_and_addresses() {
    let k = parse("Kamerstuk 32317-978").unwrap();
    assert_eq!(k.id(), "kst-32317-978");
    assert_eq!(k.reference_id(), "kamerstuk-32317-978");
    assert_eq!(
        k.url(),
        "https://zoek.officielebekendmakingen.nl/kst-32317-978.html"
    );
    let joint = parse("19637/36045-3478").unwrap();
    assert_eq!(joint.reference_id(), "kamerstuk-19637-36045-3478");
    let ek = parse("Kamerstukken I 2023/24, 36410 VI, A").unwrap();
    assert_eq!(ek.id(), "kst-36410-vi-a");
    assert_eq!(ek.reference_id(), "kamerstuk-36410-vi-a");
    assert_eq!(
        ek.url(),
        "https://zoek.officielebekendmakingen.nl/kst-36410-VI-A.html"
    );
    assert_eq!(
        parse("motie 21501-04-287").unwrap().reference_id(),
        "kamerstuk-21501-04-287"
    );
}

#[test]
fn what_is_not_a_citation() {
    for text in [
        "2021-2027",
        "(2028-2034)",
        "8-9 december 2025",
        "Postbus 20301 2500 EH",
        "32317",
        "kst-CCD-II",
        "trb-2015-196",
        "artikel 10:122",
        "Kamerstuk 32317-973 en meer",
        "",
    ] {
        assert_eq!(parse(text), None, "{text}");
    }
}

#[test]
fn citations_are_found_in_running_text() {
    let text = "Tweede Kamer, vergaderjaar 2024-2025, Kamerstuk 30 573, nr. 227, vergaderjaar 2025-2026, \
                Kamerstuk 19637, nr. 3477, Kamerstuk 32 317, nr. 967, Kamerstuk 19 637/ 36 045, nr. 3478, \
                Kamerstuk 32 317, nr. 973,";
    let found: Vec<String> = find_all(text).iter().map(|f| f.id.reference_id()).collect();
    assert_eq!(
        found,
        [
            "kamerstuk-30573-227",
            "kamerstuk-19637-3477",
            "kamerstuk-32317-967",
            "kamerstuk-19637-36045-3478",
            "kamerstuk-32317-973"
        ]
    );
    let text = "Kamerstuk 32317-973 en Geannoteerde agenda van de formele JBZ-Raad, 8-9 december 2025 - 32317- 978";
    let found = find_all(text);
    let labels: Vec<&str> = found.iter().map(|f| &text[f.start..f.end]).collect();
    assert_eq!(labels, ["32317-973", "32317- 978"]);
    // Years, postcodes and spans of years are not citations.
    assert!(find_all("Kader (2021-2027) en MFK (2028-2034), Postbus 20301 2500 EH").is_empty());
    let ek = find_all("zie Kamerstukken I 2023/24, 36410 VI, A.");
    assert_eq!(ek.len(), 1);
    assert_eq!(ek[0].id.chamber, Some(Chamber::EersteKamer));
}
