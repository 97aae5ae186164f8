//! End-to-end tests of guihua; see the `tests/` folder of this crate.
