//! The binary answers `--version`. Having an integration test here also makes `cargo test --workspace` build
//! `target/<profile>/guihua`, which the end-to-end tests in `tests/` run.

#[test]
fn version_names_the_binary() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_guihua")).arg("--version").output().unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), format!("guihua {}", env!("CARGO_PKG_VERSION")));
}
