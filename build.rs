//! Builds the bundled dossiers into the binary: every `dossiers/*.toml`,
//! so the program works from any folder.

use std::fmt::Write as _;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=dossiers");
    let dir = Path::new("dossiers");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from(
        "/// Every bundled dossier file: name and text.\npub const BUILT_IN: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        let path = std::fs::canonicalize(dir.join(name))
            .map_err(|e| format!("the bundled dossier file {name} cannot be resolved: {e}"))?;
        println!("cargo::rerun-if-changed={}", path.display());
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR")?).join("built_in.rs");
    std::fs::write(out, code)?;
    Ok(())
}
