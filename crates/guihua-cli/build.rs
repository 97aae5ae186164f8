//! Links the `guihua` binary as a position-dependent executable on Linux.
//!
//! A position-independent executable has its ~30,000 pointer relocations applied by the dynamic loader at every
//! start, touching ~140 pages: about a third of the start-up of a one-shot `guihua search --count` (issue 15: a cold
//! query as fast as `sqlite3`'s). Linked without PIE, the linker resolves them once.
fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
