//! `/api/…`: the same fields as the CLI's JSON.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use guihua_index::{Page, parse_query};
use serde_json::{Value, json};

use crate::params::Params;
use crate::{ApiError, App, PageError};

/// `/api/search?q=…&limit=N&offset=M`: `{"total": …, "hits": [...]}`, each hit with the fields of
/// `guihua search --json`; `doc=ID` (repeatable) restricts to documents.
pub(crate) async fn search(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Result<Json<Value>, ApiError> {
    let params = Params::parse(raw.as_deref());
    let query = params.query()?;
    if query.is_empty() {
        return Err(PageError::BadRequest("the query q is missing: /api/search?q=大数据".into()).into());
    }
    let limit = params.number("limit", 10, 0, 1_000)?;
    let offset = params.number("offset", 0, 0, 100_000)?;
    let docs = params.all("doc");
    let documents = (!docs.is_empty()).then(|| docs.iter().map(|d| (*d).to_owned()).collect());
    let parsed = parse_query(query).map_err(PageError::from)?;
    let result = app
        .library()
        .search_page(&parsed, &Page { limit, offset, documents, facets: false })
        .map_err(PageError::from)?;
    let hits: Vec<Value> = result
        .hits
        .iter()
        .map(|hit| {
            json!({
                "doc_id": hit.doc_id, "doc_title": hit.doc_title, "path": hit.path, "line": hit.line,
                "node_id": hit.node_id, "type": hit.kind, "section_path": hit.section_path,
                "snippet": hit.snippet, "highlights": hit.highlights, "score": hit.score,
            })
        })
        .collect();
    Ok(Json(json!({ "query": query, "total": result.total, "offset": offset, "hits": hits })))
}

/// `/api/doc/{doc_id}`: the document JSON of `guihua parse`.
pub(crate) async fn document(State(app): State<Arc<App>>, Path(doc_id): Path<String>) -> Result<Json<Value>, ApiError> {
    let parsed = app.parsed(&doc_id)?;
    let value = serde_json::to_value(&parsed.document).map_err(|e| PageError::Internal(e.to_string()))?;
    Ok(Json(value))
}

/// `/api/documents`: the documents of the index.
pub(crate) async fn documents(State(app): State<Arc<App>>) -> Json<Value> {
    let documents: Vec<Value> = app
        .documents()
        .iter()
        .map(|d| json!({ "doc_id": d.doc_id, "title": d.title, "path": d.path, "issuer": d.issuer, "year": d.year }))
        .collect();
    Json(json!({ "documents": documents }))
}
