//! End-to-end tests: whole documents through the parser and the `guihua` binary.

mod cli;
mod compare_dev;
mod corpus;
mod diff;
mod export;
mod golden;
mod health;
mod index_safety;
mod layouts;
mod pathological;
mod schema;
mod search;
mod seed;
mod serve;
mod spans;
mod support;
mod targets;
mod targets_dev;
mod wild;
