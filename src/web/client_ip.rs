//! The client's address for a request: the pure rule lives in
//! `crate::client_ip`; this applies it to an actix request.

use std::net::IpAddr;

pub use crate::client_ip::{client_ip, Cidr, TrustedProxies};

/// The client's address for a request, using the app's trusted proxies.
pub fn for_request(req: &actix_web::HttpRequest, trusted: &TrustedProxies) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect();
    Some(client_ip(peer, &forwarded, trusted))
}
