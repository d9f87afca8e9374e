//! OpenID Connect sign-in against a stub provider started in the test: an
//! actix server on 127.0.0.1 serving discovery, keys, an authorization
//! endpoint that sends the browser straight back with a code, and a token
//! endpoint that checks the client secret and the PKCE verifier and signs
//! ID tokens (RS256) with the test-only key in `tests/oidc_keys`.
//!
//! A store check: the stored sign-in attempts are counted (no API serves
//! them).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::Duration;
use diesel::prelude::*;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::json;
use sha2::{Digest, Sha256};

// Also loaded by calendar_feeds.rs; a second copy keeps that file as it is.
#[path = "../ui_support/mod.rs"]
#[allow(dead_code, clippy::duplicate_mod)]
pub mod ui_support;

use crate::helpers::*;
use ui_support::{Browser, Page};

const PROVIDER_KEY: &str = include_str!("../oidc_keys/provider-test-only.pem");
const PROVIDER_JWKS: &str = include_str!("../oidc_keys/provider-test-only.jwks.json");
const OTHER_KEY: &str = include_str!("../oidc_keys/other-test-only.pem");
const OTHER_JWKS: &str = include_str!("../oidc_keys/other-test-only.jwks.json");
const CLIENT_ID: &str = "courtside-test";
const CLIENT_SECRET: &str = "stub secret: test only";
const REDIRECT: &str = "https://courtside.test/auth/oidc/callback";
pub const BUTTON: &str = "Sign in with your organisation's account";

/// What the stub puts in (or how it signs) the next ID tokens.
#[derive(Clone)]
pub struct Tweak {
    pub email: String,
    pub email_verified: bool,
    pub iss: Option<String>,
    pub aud: Option<String>,
    pub other_key: bool,
    /// The provider has rotated to the other key: it publishes that key
    /// (`other-test-key`) and signs with it.
    pub rotated: bool,
    /// Sign HS256 with the provider's public key as the secret (the
    /// algorithm-confusion attack).
    pub hs256_with_public_key: bool,
}

impl Default for Tweak {
    fn default() -> Self {
        Tweak {
            email: AMARA.to_string(),
            email_verified: true,
            iss: None,
            aud: None,
            other_key: false,
            rotated: false,
            hs256_with_public_key: false,
        }
    }
}

struct Grant {
    nonce: String,
    challenge: String,
    redirect_uri: String,
}

struct StubState {
    issuer: String,
    tweak: Tweak,
    grants: HashMap<String, Grant>,
    /// Token requests whose client secret and PKCE verifier were right.
    good_exchanges: usize,
}

pub struct Stub {
    pub issuer: String,
    state: Arc<Mutex<StubState>>,
    handle: actix_web::dev::ServerHandle,
}

impl Stub {
    pub async fn start() -> Stub {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind stub");
        let issuer = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let state = Arc::new(Mutex::new(StubState {
            issuer: issuer.clone(),
            tweak: Tweak::default(),
            grants: HashMap::new(),
            good_exchanges: 0,
        }));
        let data = web::Data::new(state.clone());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .route(
                    "/.well-known/openid-configuration",
                    web::get().to(discovery),
                )
                .route("/jwks", web::get().to(jwks))
                .route("/authorize", web::get().to(authorize))
                .route("/token", web::post().to(token))
        })
        .workers(1)
        .listen(listener)
        .expect("listen")
        .run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        Stub {
            issuer,
            state,
            handle,
        }
    }

    pub fn tweak(&self, tweak: Tweak) {
        self.state.lock().unwrap().tweak = tweak;
    }

    fn good_exchanges(&self) -> usize {
        self.state.lock().unwrap().good_exchanges
    }

    /// The app, configured for this provider.
    pub async fn app(&self) -> TestApp {
        let issuer = self.issuer.clone();
        TestApp::spawn_with(move |c| {
            c.oidc_issuer = Some(issuer);
            c.oidc_client_id = Some(CLIENT_ID.into());
            c.oidc_client_secret = Some(CLIENT_SECRET.into());
            c.oidc_redirect_url = Some(REDIRECT.into());
        })
        .await
    }

    pub async fn stop(self) {
        self.handle.stop(true).await;
    }
}

type Shared = web::Data<Arc<Mutex<StubState>>>;

async fn discovery(state: Shared) -> HttpResponse {
    let issuer = state.lock().unwrap().issuer.clone();
    HttpResponse::Ok().json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/authorize"),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic"],
    }))
}

async fn jwks(state: Shared) -> HttpResponse {
    let rotated = state.lock().unwrap().tweak.rotated;
    HttpResponse::Ok()
        .content_type("application/json")
        .body(if rotated { OTHER_JWKS } else { PROVIDER_JWKS })
}

/// Signs in "whoever the tweak says" at once and sends the browser back.
async fn authorize(state: Shared, query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let q = query.into_inner();
    let ok = q.get("response_type").map(String::as_str) == Some("code")
        && q.get("client_id").map(String::as_str) == Some(CLIENT_ID)
        && q.get("code_challenge_method").map(String::as_str) == Some("S256")
        && q.get("scope")
            .is_some_and(|s| s.split(' ').any(|p| p == "openid"));
    let (Some(redirect_uri), Some(st), Some(nonce), Some(challenge), true) = (
        q.get("redirect_uri"),
        q.get("state"),
        q.get("nonce"),
        q.get("code_challenge"),
        ok,
    ) else {
        return HttpResponse::BadRequest().body("bad authorization request");
    };
    let code = uuid::Uuid::new_v4().simple().to_string();
    state.lock().unwrap().grants.insert(
        code.clone(),
        Grant {
            nonce: nonce.clone(),
            challenge: challenge.clone(),
            redirect_uri: redirect_uri.clone(),
        },
    );
    HttpResponse::SeeOther()
        .insert_header(("location", format!("{redirect_uri}?code={code}&state={st}")))
        .finish()
}

async fn token(
    state: Shared,
    req: HttpRequest,
    form: web::Form<HashMap<String, String>>,
) -> HttpResponse {
    let refuse = || HttpResponse::BadRequest().json(json!({"error": "invalid_grant"}));
    // The client id and secret, form-encoded (RFC 6749 §2.3.1).
    let expected_basic = format!(
        "Basic {}",
        STANDARD.encode("courtside-test:stub+secret%3A+test+only")
    );
    let basic = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if basic != expected_basic {
        return HttpResponse::Unauthorized().json(json!({"error": "invalid_client"}));
    }
    let f = form.into_inner();
    let mut s = state.lock().unwrap();
    let Some(grant) = f.get("code").and_then(|c| s.grants.remove(c)) else {
        return refuse();
    };
    let verifier = f.get("code_verifier").cloned().unwrap_or_default();
    if f.get("grant_type").map(String::as_str) != Some("authorization_code")
        || f.get("redirect_uri") != Some(&grant.redirect_uri)
        || URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) != grant.challenge
    {
        return refuse();
    }
    s.good_exchanges += 1;
    let t = s.tweak.clone();
    let now = test_now().timestamp();
    let claims = json!({
        "iss": t.iss.clone().unwrap_or_else(|| s.issuer.clone()),
        "sub": format!("stub-{}", t.email),
        "aud": t.aud.clone().unwrap_or_else(|| CLIENT_ID.to_string()),
        "exp": now + 300,
        "iat": now,
        "nonce": grant.nonce,
        "email": t.email,
        "email_verified": t.email_verified,
    });
    let id_token = if t.hs256_with_public_key {
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some("provider-test-key".into());
        jsonwebtoken::encode(
            &header,
            &claims,
            &EncodingKey::from_secret(PROVIDER_JWKS.as_bytes()),
        )
    } else {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(
            if t.rotated {
                "other-test-key"
            } else {
                "provider-test-key"
            }
            .into(),
        );
        let pem = if t.other_key || t.rotated {
            OTHER_KEY
        } else {
            PROVIDER_KEY
        };
        jsonwebtoken::encode(
            &header,
            &claims,
            &EncodingKey::from_rsa_pem(pem.as_bytes()).expect("test key"),
        )
    }
    .expect("sign");
    HttpResponse::Ok().json(json!({
        "access_token": "stub-access",
        "token_type": "Bearer",
        "expires_in": 300,
        "id_token": id_token,
    }))
}

/// The start and the provider's hop; returns the callback's path and
/// query, as the browser would be sent there.
async fn through_provider(b: &mut Browser, stub: &Stub) -> String {
    let start = b.get("/auth/oidc/start").await;
    assert_eq!(start.status, StatusCode::SEE_OTHER, "{}", start.body);
    let to_provider = start.location().expect("a location").to_string();
    assert!(
        to_provider.starts_with(&format!("{}/authorize?", stub.issuer)),
        "{to_provider}"
    );
    let hop = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(&to_provider)
        .send()
        .await
        .expect("provider answers");
    assert_eq!(hop.status(), StatusCode::SEE_OTHER);
    let back = hop.headers()["location"].to_str().unwrap().to_string();
    back.strip_prefix("https://courtside.test")
        .expect("back to the registered callback")
        .to_string()
}

async fn sign_in_through(app: &TestApp, stub: &Stub) -> (Browser, Page) {
    let mut b = Browser::new(&app.base);
    let callback = through_provider(&mut b, stub).await;
    let page = b.get(&callback).await;
    (b, page)
}

fn attempts(app: &TestApp, outcome: &str) -> i64 {
    use courtside::store::schema::sign_in_attempts as a;
    let mut conn = app.pool.get().unwrap();
    a::table
        .filter(a::outcome.eq(outcome))
        .count()
        .get_result(&mut conn)
        .unwrap()
}

#[actix_web::test]
async fn a_demo_user_signs_in_with_the_provider_and_lands_home() {
    let stub = Stub::start().await;
    let app = stub.app().await;
    let mut b = Browser::new(&app.base);
    let sign_in = b.get("/sign-in").await;
    sign_in.assert_has(BUTTON);
    sign_in.assert_has("href=\"/auth/oidc/start\"");

    let start = b.get("/auth/oidc/start").await;
    assert_eq!(start.status, StatusCode::SEE_OTHER);
    let location = start.location().unwrap();
    for part in [
        "response_type=code",
        "client_id=courtside-test",
        "code_challenge_method=S256",
        "scope=openid+email",
    ] {
        assert!(location.contains(part), "{part} in {location}");
    }
    let cookie = start
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("courtside_oidc="))
        .expect("the browser-binding cookie");
    for attribute in [
        "HttpOnly",
        "Secure",
        "SameSite=Lax",
        "Path=/auth/oidc",
        "Max-Age=600",
    ] {
        assert!(cookie.contains(attribute), "{attribute} in {cookie}");
    }

    let callback = {
        let hop = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(location)
            .send()
            .await
            .unwrap();
        hop.headers()["location"].to_str().unwrap().to_string()
    };
    let done = b
        .get(callback.strip_prefix("https://courtside.test").unwrap())
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert_eq!(done.headers["refresh"], "0; url=/");
    let session = done
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("courtside_session="))
        .expect("a session cookie");
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
        assert!(session.contains(attribute), "{attribute} in {session}");
    }
    assert!(
        !b.cookies.contains_key("courtside_oidc"),
        "binding cookie cleared"
    );
    assert_eq!(
        stub.good_exchanges(),
        1,
        "code, secret and PKCE verifier accepted"
    );

    // The start page is the supporter's, from Courtside's own records.
    let home = b.get("/").await;
    assert_eq!(home.status, StatusCode::OK, "{}", home.body);
    home.assert_has("Amara Idva");
    home.assert_has("/week");
    // The session is an ordinary one: the same as a password sign-in's.
    assert_eq!(attempts(&app, "success"), 1);
    let token = b.cookies["courtside_session"].clone();
    let (status, me) = app.get("/api/v1/me", &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["role"], "supporter");

    app.stop().await;
    stub.stop().await;
}

/// Every refused token gives the same page, and no session.
async fn assert_refused(app: &TestApp, stub: &Stub, tweak: Tweak, why: &str) -> String {
    stub.tweak(tweak);
    let (b, page) = sign_in_through(app, stub).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "{why}: {}", page.body);
    page.assert_has("You have not been signed in");
    assert!(
        !b.cookies.contains_key("courtside_session"),
        "{why}: no session"
    );
    page.body
}

#[actix_web::test]
async fn tokens_for_someone_else_from_someone_else_or_badly_signed_are_refused() {
    let stub = Stub::start().await;
    let app = stub.app().await;
    let cases = [
        (
            "wrong aud",
            Tweak {
                aud: Some("another-client".into()),
                ..Tweak::default()
            },
        ),
        (
            "wrong iss",
            Tweak {
                iss: Some("http://127.0.0.1:1".into()),
                ..Tweak::default()
            },
        ),
        (
            "signed with another key",
            Tweak {
                other_key: true,
                ..Tweak::default()
            },
        ),
        (
            "HS256 keyed with the public key",
            Tweak {
                hs256_with_public_key: true,
                ..Tweak::default()
            },
        ),
    ];
    for (why, tweak) in cases {
        assert_refused(&app, &stub, tweak, why).await;
    }
    assert_eq!(stub.good_exchanges(), 4, "each got as far as the token");
    assert_eq!(attempts(&app, "success"), 0);
    assert_eq!(attempts(&app, "failure"), 4, "each refusal is recorded");
    // The same provider's untouched token is accepted: each refusal was
    // the tweak's doing.
    stub.tweak(Tweak::default());
    let (_, page) = sign_in_through(&app, &stub).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    app.stop().await;
    stub.stop().await;
}

#[actix_web::test]
async fn an_expired_token_is_refused_by_the_injected_clock() {
    let stub = Stub::start().await;
    let app = stub.app().await;
    let mut b = Browser::new(&app.base);
    let callback = through_provider(&mut b, &stub).await;
    // The stub's token lasts 5 minutes from 12:00; 7 minutes later it is
    // past, leeway included, while the started sign-in (10 minutes) is
    // still live.
    app.clock.set(test_now() + Duration::minutes(7));
    let page = b.get(&callback).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
    page.assert_has("You have not been signed in");
    assert!(!b.cookies.contains_key("courtside_session"));

    // Within the leeway the same kind of token is accepted.
    app.clock
        .set(test_now() + Duration::minutes(5) + Duration::seconds(30));
    let mut b = Browser::new(&app.base);
    let callback = through_provider(&mut b, &stub).await;
    let page = b.get(&callback).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    app.stop().await;
    stub.stop().await;
}

#[actix_web::test]
async fn a_state_is_used_once_in_the_browser_that_started_it_within_ten_minutes() {
    let stub = Stub::start().await;
    let app = stub.app().await;
    let mut b = Browser::new(&app.base);
    let callback = through_provider(&mut b, &stub).await;
    assert_eq!(b.get(&callback).await.status, StatusCode::OK);
    // Replayed: the same address again, even in the same browser.
    let mut again = Browser::new(&app.base);
    again.cookies = b.cookies.clone();
    again.cookies.remove("courtside_session");
    let replay = again.get(&callback).await;
    assert_eq!(replay.status, StatusCode::BAD_REQUEST);
    replay.assert_has("expired or has already been used");
    assert!(!again.cookies.contains_key("courtside_session"));

    // Another browser (no binding cookie) cannot finish someone's sign-in,
    // and the attempt burns it.
    let mut victim = Browser::new(&app.base);
    let callback = through_provider(&mut victim, &stub).await;
    let mut attacker = Browser::new(&app.base);
    let page = attacker.get(&callback).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(!attacker.cookies.contains_key("courtside_session"));
    assert_eq!(victim.get(&callback).await.status, StatusCode::BAD_REQUEST);

    // After ten minutes a started sign-in has expired.
    let mut slow = Browser::new(&app.base);
    let callback = through_provider(&mut slow, &stub).await;
    app.clock.set(test_now() + Duration::minutes(10));
    let page = slow.get(&callback).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    page.assert_has("expired or has already been used");

    // A made-up state, and none at all.
    let mut b = Browser::new(&app.base);
    let page = b.get("/auth/oidc/callback?code=x&state=made-up").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    let page = b.get("/auth/oidc/callback").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    app.stop().await;
    stub.stop().await;
}

#[actix_web::test]
async fn unknown_or_unverified_emails_get_the_same_answer() {
    let stub = Stub::start().await;
    let app = stub.app().await;
    let unknown = assert_refused(
        &app,
        &stub,
        Tweak {
            email: "nobody@nowhere.example".into(),
            ..Tweak::default()
        },
        "unknown email",
    )
    .await;
    let unverified = assert_refused(
        &app,
        &stub,
        Tweak {
            email_verified: false,
            ..Tweak::default()
        },
        "unverified email",
    )
    .await;
    assert_eq!(unknown, unverified, "the pages do not tell the cases apart");
    assert!(!unknown.contains("nobody@nowhere.example"));
    // An inactive account is refused alike.
    {
        let admin = app.login(ADMIN).await;
        let id = app
            .find_id("/api/v1/users?per_page=200", &admin, "email", WENDY)
            .await;
        let (_, user) = app.get(&format!("/api/v1/users/{id}"), &admin).await;
        let (status, out) = app
            .put(
                &format!("/api/v1/users/{id}"),
                &admin,
                user["version"].as_i64().unwrap(),
                json!({"organisation_id": user["organisation_id"], "display_name": user["display_name"],
                       "email": user["email"], "role": user["role"], "manager_id": user["manager_id"],
                       "active": false}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{out}");
    }
    let inactive = assert_refused(
        &app,
        &stub,
        Tweak {
            email: WENDY.into(),
            ..Tweak::default()
        },
        "inactive account",
    )
    .await;
    assert_eq!(unknown, inactive);
    // Case does not matter for a verified email.
    stub.tweak(Tweak {
        email: "Amara@Safer-Futures.EXAMPLE".into(),
        ..Tweak::default()
    });
    let (mut b, page) = sign_in_through(&app, &stub).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    b.get("/").await.assert_has("Amara Idva");
    app.stop().await;
    stub.stop().await;
}

#[actix_web::test]
async fn without_configuration_there_is_no_button_and_no_route() {
    let app = TestApp::spawn().await;
    let mut b = Browser::new(&app.base);
    let sign_in = b.get("/sign-in").await;
    assert_eq!(sign_in.status, StatusCode::OK);
    sign_in.assert_lacks(BUTTON);
    sign_in.assert_lacks("/auth/oidc/start");
    assert_eq!(
        b.get("/auth/oidc/start").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        b.get("/auth/oidc/callback?code=x&state=y").await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

#[actix_web::test]
async fn an_unreachable_provider_is_a_readable_page_not_a_500() {
    // A port with nothing listening.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let app = TestApp::spawn_with(move |c| {
        c.oidc_issuer = Some(format!("http://127.0.0.1:{port}"));
        c.oidc_client_id = Some(CLIENT_ID.into());
        c.oidc_client_secret = Some(CLIENT_SECRET.into());
        c.oidc_redirect_url = Some(REDIRECT.into());
    })
    .await;
    let mut b = Browser::new(&app.base);
    let page = b.get("/auth/oidc/start").await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    page.assert_has("not working");
    app.stop().await;
}

#[actix_web::test]
async fn a_rotated_provider_key_is_fetched_when_a_token_names_it() {
    let stub = Stub::start().await;
    let app = stub.app().await;
    // The first sign-in caches the provider's keys.
    let (_, page) = sign_in_through(&app, &stub).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    // The provider rotates: its tokens now name a key the cache lacks.
    stub.tweak(Tweak {
        rotated: true,
        ..Tweak::default()
    });
    let (mut b, page) = sign_in_through(&app, &stub).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    b.get("/").await.assert_has("Amara Idva");
    app.stop().await;
    stub.stop().await;
}

#[actix_web::test]
async fn the_provider_path_waits_exactly_like_the_password_path() {
    let stub = Stub::start().await;
    let app = stub.app().await;
    // Three wrong passwords for Amara from this address start a wait...
    for _ in 0..3 {
        app.call(
            reqwest::Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": AMARA, "password": "wrong-password"})),
        )
        .await;
    }
    // ...which the provider's sign-in for her meets too, and says how long.
    let (b, page) = sign_in_through(&app, &stub).await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS, "{}", page.body);
    page.assert_has("Wait 1 second, then try again.");
    assert!(!b.cookies.contains_key("courtside_session"));
    assert_eq!(attempts(&app, "locked"), 1, "the refusal is recorded");
    // Once it has passed, she is in.
    app.clock.set(test_now() + Duration::seconds(1));
    let (b, page) = sign_in_through(&app, &stub).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(b.cookies.contains_key("courtside_session"));
    app.stop().await;
    stub.stop().await;
}
