//! A small stand-in for a browser: keeps cookies, never follows
//! redirects (so tests see each 303), posts forms, and reads the hidden
//! anti-forgery token out of a page.

use std::collections::BTreeMap;

use reqwest::header::{HeaderMap, COOKIE, LOCATION, SET_COOKIE};
use reqwest::StatusCode;

pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn location(&self) -> Option<&str> {
        self.headers.get(LOCATION).and_then(|v| v.to_str().ok())
    }

    /// Every Set-Cookie header, as sent.
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_string))
            .collect()
    }

    /// The first form's anti-forgery token.
    pub fn csrf(&self) -> String {
        hidden(&self.body, "csrf_token").expect("the page has a csrf_token field")
    }

    pub fn assert_has(&self, text: &str) {
        assert!(
            self.body.contains(text),
            "expected {text:?} in the page ({}):\n{}",
            self.status,
            self.body
        );
    }

    pub fn assert_lacks(&self, text: &str) {
        assert!(
            !self.body.contains(text),
            "did not expect {text:?} in the page:\n{}",
            self.body
        );
    }
}

/// The value of the first hidden input with this name.
pub fn hidden(body: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body.find(&marker)? + marker.len();
    let end = body[start..].find('"')?;
    Some(body[start..start + end].to_string())
}

/// The hidden fields of the page's main form (those inside `<main>`).
pub fn hidden_fields(body: &str) -> Vec<(String, String)> {
    let main = body.find("<main").unwrap_or(0);
    let mut rest = &body[main..];
    let mut out: Vec<(String, String)> = Vec::new();
    let marker = "type=\"hidden\" name=\"";
    while let Some(i) = rest.find(marker) {
        rest = &rest[i + marker.len()..];
        let Some(end) = rest.find('"') else { break };
        let name = rest[..end].to_string();
        if let Some(value) = hidden(rest_from(body, rest), &name) {
            if !out.iter().any(|(n, _)| *n == name) {
                out.push((name, value));
            }
        }
    }
    out
}

/// `rest` as a slice of `body` starting a little before, so `hidden` can
/// find the `name="..." value="..."` pair that `rest` begins inside.
fn rest_from<'a>(body: &'a str, rest: &'a str) -> &'a str {
    let offset = body.len() - rest.len();
    &body[offset.saturating_sub(6)..]
}

pub struct Browser {
    base: String,
    client: reqwest::Client,
    pub cookies: BTreeMap<String, String>,
}

impl Browser {
    pub fn new(base: &str) -> Browser {
        Browser {
            base: base.to_string(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            cookies: BTreeMap::new(),
        }
    }

    fn absorb(&mut self, headers: &HeaderMap) {
        for value in headers.get_all(SET_COOKIE) {
            let Ok(text) = value.to_str() else { continue };
            let first = text.split(';').next().unwrap_or("");
            let Some((name, value)) = first.split_once('=') else {
                continue;
            };
            let removed = text.to_ascii_lowercase().contains("max-age=0");
            if removed || value.is_empty() {
                self.cookies.remove(name.trim());
            } else {
                self.cookies
                    .insert(name.trim().to_string(), value.trim().to_string());
            }
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> Page {
        let req = if self.cookies.is_empty() {
            req
        } else {
            req.header(COOKIE, self.cookie_header())
        };
        let req = req.build().expect("request");
        let resp = self.client.execute(req).await.expect("request sent");
        let status = resp.status();
        let headers = resp.headers().clone();
        self.absorb(&headers);
        let body = resp.text().await.unwrap_or_default();
        Page {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let req = self.client.get(format!("{}{}", self.base, path));
        self.send(req).await
    }

    /// Posts a form exactly as given (add the token yourself).
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let req = self
            .client
            .post(format!("{}{}", self.base, path))
            .form(fields);
        self.send(req).await
    }

    /// Posts a `multipart/form-data` form with one file, as a browser
    /// sends a file upload (add the token yourself).
    pub async fn upload(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file_field: &str,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> Page {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(file_name.to_string())
            .mime_str("application/json")
            .expect("mime");
        form = form.part(file_field.to_string(), part);
        let req = self
            .client
            .post(format!("{}{}", self.base, path))
            .multipart(form);
        self.send(req).await
    }

    /// Opens the form's page, then posts the fields with the page's hidden
    /// fields (its token, and the version a change form carries), as a
    /// browser would.
    pub async fn submit(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let form = self.get(path).await;
        assert_eq!(form.status, StatusCode::OK, "GET {path}: {}", form.body);
        let hidden = hidden_fields(&form.body);
        let mut all: Vec<(&str, &str)> = hidden
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        all.extend_from_slice(fields);
        self.post(path, &all).await
    }

    /// Signs in through the sign-in page; returns the answer to the POST.
    pub async fn sign_in(&mut self, email: &str, password: &str) -> Page {
        self.submit("/sign-in", &[("email", email), ("password", password)])
            .await
    }

    /// Signs in with the demo password and checks it worked.
    pub async fn signed_in(base: &str, email: &str) -> Browser {
        let mut b = Browser::new(base);
        let page = b.sign_in(email, courtside::seed::DEMO_PASSWORD).await;
        assert_eq!(
            page.status,
            StatusCode::SEE_OTHER,
            "sign in {email}: {}",
            page.body
        );
        assert_eq!(page.location(), Some("/"));
        b
    }
}
