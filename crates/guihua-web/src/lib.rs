//! `guihua serve`: a local web interface over a guihua index — search with facets, the plan as a document with its
//! outline, comparisons, a concordance (KWIC) and a term's trend across plans, and a JSON API.
//!
//! Pages are rendered on the server ([maud] escapes every interpolated string); every page is a plain GET URL and
//! works without JavaScript; the one script only adds keys (`/` to search, `j`/`k` to move, Enter to open). The
//! router refuses other methods, refuses requests whose `Host` is not one it serves (DNS rebinding), sends a strict
//! Content-Security-Policy and no CORS headers, and never takes a file path from a request: documents are named by
//! the ids the index holds.
//!
//! ```no_run
//! # async fn demo(library: guihua_index::Library) -> Result<(), Box<dyn std::error::Error>> {
//! let app = guihua_web::App::new(library, Vec::new())?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! let hosts = guihua_web::Hosts::for_address(listener.local_addr()?, &[]);
//! axum::serve(listener, guihua_web::router(std::sync::Arc::new(app), hosts)).await?;
//! # Ok(()) }
//! ```

mod api;
mod compare;
mod doc;
mod pages;
mod params;
mod security;
mod store;

use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub use security::Hosts;
pub use store::{App, Bundled};

/// Why a request could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// A parameter is missing or malformed (400).
    #[error("{0}")]
    BadRequest(String),
    /// No such document or page (404).
    #[error("{0}")]
    NotFound(String),
    /// The index or a source file failed (500).
    #[error("{0}")]
    Internal(String),
}

impl PageError {
    fn status(&self) -> StatusCode {
        match self {
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::NotFound(_) => StatusCode::NOT_FOUND,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<guihua_index::Error> for PageError {
    fn from(err: guihua_index::Error) -> PageError {
        match err {
            guihua_index::Error::Query { .. } => PageError::BadRequest(err.to_string()),
            other => PageError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.status();
        let title = status.canonical_reason().unwrap_or("Error");
        (status, pages::error_page(status.as_u16(), title, &self.to_string())).into_response()
    }
}

/// An error of the JSON API: the same statuses, the message as `{"error": …}`.
#[derive(Debug)]
pub(crate) struct ApiError(PageError);

impl From<PageError> for ApiError {
    fn from(err: PageError) -> ApiError {
        ApiError(err)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0.status(), axum::Json(serde_json::json!({ "error": self.0.to_string() }))).into_response()
    }
}

/// The routes, with the security layer around them.
pub fn router(app: Arc<App>, hosts: Hosts) -> Router {
    Router::new()
        .route("/", get(pages::search))
        .route("/search", get(pages::search))
        .route("/search.csv", get(pages::search_csv))
        .route("/kwic", get(pages::kwic))
        .route("/kwic.csv", get(pages::kwic_csv))
        .route("/doc/{doc_id}", get(doc::document))
        .route("/doc/{doc_id}/source", get(doc::source))
        .route("/compare", get(compare::compare))
        .route("/api/search", get(api::search))
        .route("/api/doc/{doc_id}", get(api::document))
        .route("/api/documents", get(api::documents))
        .route("/static/style.css", get(pages::style))
        .route("/static/app.js", get(pages::script))
        .fallback(pages::not_found)
        .with_state(app)
        .layer(axum::middleware::from_fn_with_state(Arc::new(hosts), security::guard))
}
