//! `guihua serve`: the web interface.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;

use crate::search_cmd::{BUNDLED, open_library};

/// Arguments of `guihua serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The index folder (default: $GUIHUA_INDEX, else a per-user data folder; with no index there, the bundled plan).
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    /// The port (0 picks a free one).
    #[arg(long, default_value_t = 8080, value_name = "N")]
    port: u16,
    /// The address to listen on. Anything but a loopback address exposes the index to the network.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST), value_name = "ADDR")]
    host: IpAddr,
    /// Another name the server may be reached by (a `Host` header to accept), e.g. a LAN host name. Repeatable.
    #[arg(long = "allow-host", value_name = "NAME")]
    allow_host: Vec<String>,
    /// Open the search page in the default browser.
    #[arg(long)]
    open: bool,
}

pub(crate) fn serve(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let (library, is_bundled) = open_library(args.index.as_deref())?;
    let bundled = if is_bundled {
        BUNDLED.iter().map(|(path, bytes)| guihua_web::Bundled { path, bytes }).collect()
    } else {
        Vec::new()
    };
    let app = guihua_web::App::new(library, bundled).context("cannot list the documents of the index")?;
    let documents = app.documents().len();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let addr = SocketAddr::new(args.host, args.port);
        let listener =
            tokio::net::TcpListener::bind(addr).await.with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr()?;
        let shown = if local.ip().is_unspecified() { SocketAddr::new(Ipv4Addr::LOCALHOST.into(), local.port()) } else { local };
        let url = format!("http://{shown}/");
        eprintln!("guihua serve: {url} ({documents} documents{}); Ctrl-C stops", if is_bundled { ", the bundled plan" } else { "" });
        if !args.host.is_loopback() {
            eprintln!(
                "guihua: warning: listening on {local}, which other machines can reach; the index is readable by anyone who can connect"
            );
        }
        if args.open {
            open_browser(&url);
        }
        let hosts = guihua_web::Hosts::for_address(local, &args.allow_host);
        axum::serve(listener, guihua_web::router(Arc::new(app), hosts))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("the server failed")
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Opens `url` with the platform's opener; a failure is reported, not fatal.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(err) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!("guihua: cannot open a browser ({opener}: {err}); open {url} yourself");
    }
}
