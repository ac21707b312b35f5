//! The OpenAPI 3.1 document served at `/openapi.json`, generated with utoipa.
//!
//! Three sources, so that nothing in it is kept by hand:
//!
//! - the operations and their request and answer bodies come from the handlers'
//!   `#[utoipa::path]` attributes and the types' `ToSchema` derives (the policy's event and
//!   decision, the ledger's standing, review items and keys, derived behind those crates'
//!   `openapi` feature next to their serde attributes);
//! - each operation's scopes (`security` and `x-scopes`) and error answers come from the
//!   route table the router is built from ([`crate::routes::ENDPOINTS`]);
//! - the error codes (`ErrorCode`) are [`crate::ErrorCode`], the codes [`crate::ApiError`]
//!   answers with.
//!
//! A test compares the document's operations with the route table, and another calls every
//! operation on the router.

use serde_json::{json, Value};
use utoipa::OpenApi;

use crate::error::ErrorCode;
use crate::routes::{Endpoint, AUTHENTICATED_ERRORS, ENDPOINTS, OPEN_ERRORS};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "offside",
        description = "Finds contact details and off-platform payment attempts in marketplace messages, decides on them with a policy, and records enforcement history. Errors are {\"error\": {\"code\", \"message\"}}; the codes are ErrorCode's."
    ),
    paths(
        crate::routes::healthz,
        crate::routes::metrics,
        crate::routes::openapi,
        crate::routes::check,
        crate::routes::scan,
        crate::routes::attachment,
        crate::routes::record_event,
        crate::routes::file_report,
        crate::routes::file_appeal,
        crate::routes::decide_appeal,
        crate::routes::review_queue,
        crate::routes::review_verdict,
        crate::routes::review_suspension,
        crate::routes::account_standing,
        crate::routes::linked_accounts,
        crate::routes::create_key,
        crate::routes::list_keys,
        crate::routes::revoke_key,
    ),
    components(schemas(crate::error::ErrorBody, ErrorCode))
)]
struct ApiDoc;

/// The document.
pub fn document() -> Value {
    let mut document = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    document["components"]["securitySchemes"] = json!({
        "bearer": {"type": "http", "scheme": "bearer", "description": "An API key (`offside keys create`)."}
    });
    for endpoint in ENDPOINTS {
        let method = endpoint.method.as_str().to_ascii_lowercase();
        let operation = &mut document["paths"][endpoint.path][method.as_str()];
        // An endpoint without `#[utoipa::path]` is left out, never half-written here: the
        // test that compares the document with the route table names it.
        if let Some(fields) = operation.as_object_mut() {
            // utoipa tags each operation with its handler's module, which says nothing to a
            // client.
            fields.remove("tags");
            describe_access(operation, endpoint);
        }
    }
    document
}

/// Adds an operation's scopes and its error answers, from the route table.
fn describe_access(operation: &mut Value, endpoint: &Endpoint) {
    let common = if endpoint.scopes.is_empty() {
        OPEN_ERRORS
    } else {
        let scopes: Vec<&str> = endpoint.scopes.iter().map(|scope| scope.as_str()).collect();
        operation["security"] = json!([{"bearer": scopes}]);
        // `admin` may call everything.
        let mut x_scopes = scopes;
        if !x_scopes.contains(&"admin") {
            x_scopes.push("admin");
        }
        operation["x-scopes"] = json!(x_scopes);
        AUTHENTICATED_ERRORS
    };
    // One answer per status, naming the codes it is sent with.
    let mut by_status: Vec<(u16, Vec<&str>)> = Vec::new();
    for code in common.iter().chain(endpoint.errors) {
        let status = code.status().as_u16();
        match by_status.iter_mut().find(|(seen, _)| *seen == status) {
            Some((_, codes)) if codes.contains(&code.as_str()) => {}
            Some((_, codes)) => codes.push(code.as_str()),
            None => by_status.push((status, vec![code.as_str()])),
        }
    }
    for (status, codes) in by_status {
        operation["responses"][status.to_string()] = json!({
            "description": format!("Error: {}.", codes.join(", ")),
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            "x-error-codes": codes,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (method, path) of the document's operations.
    fn operations(document: &Value) -> Vec<(String, String)> {
        let mut operations = Vec::new();
        for (path, item) in document["paths"].as_object().unwrap() {
            for method in [
                "get", "put", "post", "delete", "patch", "head", "options", "trace",
            ] {
                if item.get(method).is_some() {
                    operations.push((method.to_owned(), path.clone()));
                }
            }
        }
        operations.sort();
        operations
    }

    /// Writes the document to `OFFSIDE_OPENAPI_OUT` when set, for a reader to inspect.
    #[test]
    fn the_document_serialises() {
        let text = serde_json::to_string_pretty(&document()).unwrap();
        if let Some(path) = std::env::var_os("OFFSIDE_OPENAPI_OUT") {
            std::fs::write(path, &text).unwrap();
        }
        assert!(text.len() > 10_000, "{text}");
    }

    #[test]
    fn the_document_has_exactly_the_routes_of_the_route_table() {
        let document = document();
        let mut routes: Vec<(String, String)> = ENDPOINTS
            .iter()
            .map(|endpoint| {
                (
                    endpoint.method.as_str().to_ascii_lowercase(),
                    endpoint.path.to_owned(),
                )
            })
            .collect();
        routes.sort();
        assert_eq!(operations(&document), routes);
    }

    #[test]
    fn every_operation_names_the_scopes_the_route_table_enforces() {
        let document = document();
        for endpoint in ENDPOINTS {
            let method = endpoint.method.as_str().to_ascii_lowercase();
            let operation = &document["paths"][endpoint.path][method.as_str()];
            let mut expected: Vec<&str> = endpoint.scopes.iter().map(|s| s.as_str()).collect();
            if expected.is_empty() {
                assert!(operation.get("x-scopes").is_none(), "{}", endpoint.path);
                assert!(operation.get("security").is_none(), "{}", endpoint.path);
                continue;
            }
            assert_eq!(
                operation["security"],
                json!([{ "bearer": expected }]),
                "{}",
                endpoint.path
            );
            if !expected.contains(&"admin") {
                expected.push("admin");
            }
            assert_eq!(operation["x-scopes"], json!(expected), "{}", endpoint.path);
            // Every code the table names is answered under its status.
            for code in AUTHENTICATED_ERRORS.iter().chain(endpoint.errors) {
                let answer = &operation["responses"][code.status().as_str()];
                assert!(
                    answer["x-error-codes"]
                        .as_array()
                        .is_some_and(|codes| codes.contains(&json!(code.as_str()))),
                    "{} {}: {code:?}",
                    endpoint.path,
                    method
                );
            }
        }
    }

    #[test]
    fn the_error_schema_lists_every_code_of_api_error() {
        let document = document();
        let codes: Vec<&str> = ErrorCode::ALL.iter().map(|code| code.as_str()).collect();
        assert_eq!(
            document["components"]["schemas"]["ErrorCode"]["enum"],
            json!(codes)
        );
        assert_eq!(
            document["components"]["schemas"]["ErrorFields"]["properties"]["code"]["$ref"],
            "#/components/schemas/ErrorCode"
        );
    }

    #[test]
    fn bodies_have_real_schemas() {
        let document = document();
        let check = &document["paths"]["/v1/check"]["post"];
        assert_eq!(
            check["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/Event"
        );
        let event = &document["components"]["schemas"]["Event"];
        for field in ["surface", "at", "sender", "relationship"] {
            assert!(
                event["required"]
                    .as_array()
                    .unwrap()
                    .contains(&json!(field)),
                "{event}"
            );
        }
        // No body, asked or answered, is a bare object.
        let mut bare = Vec::new();
        for (method, path) in operations(&document) {
            let operation = &document["paths"][&path][&method];
            let mut schemas: Vec<&Value> = Vec::new();
            if let Some(content) = operation["requestBody"]["content"].as_object() {
                schemas.extend(content.values().map(|media| &media["schema"]));
            }
            for (status, answer) in operation["responses"].as_object().unwrap() {
                if path == "/openapi.json" && status == "200" {
                    continue;
                }
                if let Some(content) = answer["content"].as_object() {
                    schemas.extend(content.values().map(|media| &media["schema"]));
                }
            }
            for schema in schemas {
                if schema == &json!({"type": "object"}) || schema.is_null() {
                    bare.push(format!("{method} {path}"));
                }
            }
        }
        assert!(bare.is_empty(), "{bare:?}");
        // Every reference resolves.
        let text = document.to_string();
        for reference in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
            let name = &reference[..reference.find('"').unwrap()];
            assert!(
                document["components"]["schemas"].get(name).is_some(),
                "{name} is referenced but not defined"
            );
        }
    }
}
