//! Which address a request came from, for sign-in throttling.
//!
//! By default it is the TCP peer: `X-Forwarded-For` is a header anyone can
//! send, so believing it would let one client pose as many and slip past
//! the per-address lock. Behind a reverse proxy every request arrives from
//! the proxy, so `COURTSIDE_TRUSTED_PROXIES` names the proxies (addresses
//! or CIDR ranges) whose `X-Forwarded-For` is believed. The rule
//! ([`client_ip`]) is a pure function: when the peer is trusted, walk the
//! forwarded chain from the right (the hop nearest to us) and take the
//! first address that is not itself a trusted proxy. Entries to the left
//! of that were written by the client and are never used.
//!
//! Pure (no HTTP types), so that `config` can parse the setting without
//! depending on `web`; `web::client_ip::for_request` applies it to a
//! request.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

/// One address range: an address and how many leading bits must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = mask32(self.prefix);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = mask128(self.prefix);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

fn mask32(prefix: u8) -> u32 {
    if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(prefix))
    }
}

fn mask128(prefix: u8) -> u128 {
    if prefix == 0 {
        0
    } else {
        u128::MAX << (128 - u32::from(prefix))
    }
}

/// An IPv4 address written as IPv6 (`::ffff:10.0.0.1`) is the IPv4 one.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

impl FromStr for Cidr {
    type Err = String;

    fn from_str(text: &str) -> Result<Cidr, String> {
        let text = text.trim();
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let network = addr
            .parse::<IpAddr>()
            .map(canonical)
            .map_err(|_| format!("`{text}` is not an IP address or CIDR range"))?;
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => match p.parse::<u8>() {
                Ok(n) if n <= max => n,
                _ => return Err(format!("`{text}`: the prefix length must be 0 to {max}")),
            },
        };
        Ok(Cidr { network, prefix })
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

/// The proxies whose `X-Forwarded-For` is believed; empty by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Cidr>);

impl TrustedProxies {
    /// `10.0.0.5, 192.168.0.0/16, ::1`: comma-separated addresses or CIDR
    /// ranges. Empty means none (forwarded headers are ignored).
    pub fn parse(spec: &str) -> Result<TrustedProxies, String> {
        spec.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(Cidr::from_str)
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|range| range.contains(ip))
    }
}

/// One `X-Forwarded-For` entry: an address, perhaps in brackets or with a
/// port (`[2001:db8::1]:443`, `203.0.113.7:5000`).
fn forwarded_entry(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    if let Ok(sock) = text.parse::<std::net::SocketAddr>() {
        return Some(canonical(sock.ip()));
    }
    let unbracketed = text.strip_prefix('[').and_then(|t| t.strip_suffix(']'))?;
    unbracketed.parse::<IpAddr>().ok().map(canonical)
}

/// The client's address: the peer, unless the peer is a trusted proxy;
/// then the right-most `X-Forwarded-For` entry that is not a trusted proxy.
/// `forwarded` holds the header's values in the order received (several
/// headers count as one list). If the chain runs out, or an entry is not
/// an address, the last trusted hop reached is the answer: the proxy nearest
/// that unreadable entry, never anything a client wrote.
pub fn client_ip(peer: IpAddr, forwarded: &[&str], trusted: &TrustedProxies) -> IpAddr {
    let mut current = canonical(peer);
    if !trusted.trusts(current) {
        return current;
    }
    let entries: Vec<&str> = forwarded
        .iter()
        .flat_map(|value| value.split(','))
        .collect();
    for entry in entries.iter().rev() {
        let Some(hop) = forwarded_entry(entry) else {
            return current;
        };
        current = hop;
        if !trusted.trusts(hop) {
            return hop;
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn parsing_the_setting() {
        let ok = [
            ("", 0),
            ("  ", 0),
            ("10.0.0.5", 1),
            ("10.0.0.0/8, 192.168.1.0/24", 2),
            ("::1, fd00::/8,", 2),
            ("0.0.0.0/0", 1),
            ("::ffff:10.0.0.1", 1),
        ];
        for (spec, n) in ok {
            let parsed = TrustedProxies::parse(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
            assert_eq!(parsed.0.len(), n, "{spec}");
        }
        let bad = [
            "10.0.0",
            "10.0.0.0/33",
            "::/129",
            "10.0.0.0/-1",
            "10.0.0.0/",
            "proxy.internal",
            "10.0.0.1, nonsense",
        ];
        for spec in bad {
            assert!(TrustedProxies::parse(spec).is_err(), "{spec} should fail");
        }
    }

    #[test]
    fn ranges_contain_what_they_should() {
        let cases = [
            ("10.0.0.0/8", "10.255.1.2", true),
            ("10.0.0.0/8", "11.0.0.1", false),
            ("192.168.1.7", "192.168.1.7", true),
            ("192.168.1.7", "192.168.1.8", false),
            ("0.0.0.0/0", "203.0.113.9", true),
            ("0.0.0.0/0", "2001:db8::1", false),
            ("fd00::/8", "fd12:3456::1", true),
            ("fd00::/8", "fe80::1", false),
            ("10.0.0.0/8", "::ffff:10.1.2.3", true),
            ("::ffff:10.0.0.1", "10.0.0.1", true),
            ("::/0", "::1", true),
        ];
        for (range, addr, want) in cases {
            let range: Cidr = range.parse().unwrap();
            assert_eq!(range.contains(ip(addr)), want, "{range} ∋ {addr}");
        }
    }

    #[test]
    fn which_address_is_the_client() {
        let proxies = TrustedProxies::parse("10.0.0.0/8, 192.168.0.1").unwrap();
        let none = TrustedProxies::default();
        // (peer, X-Forwarded-For values, trusted, expected client)
        let cases: Vec<(&str, Vec<&str>, &TrustedProxies, &str)> = vec![
            // Nothing trusted: the header is ignored whatever it says.
            ("203.0.113.9", vec!["198.51.100.1"], &none, "203.0.113.9"),
            ("10.0.0.2", vec!["198.51.100.1"], &none, "10.0.0.2"),
            // An untrusted peer cannot choose its address by header.
            ("203.0.113.9", vec!["198.51.100.1"], &proxies, "203.0.113.9"),
            // Behind one trusted proxy: the address it saw.
            ("10.0.0.2", vec!["198.51.100.1"], &proxies, "198.51.100.1"),
            // A client's forged entries sit to the left and are skipped.
            (
                "10.0.0.2",
                vec!["1.1.1.1, 2.2.2.2, 198.51.100.1"],
                &proxies,
                "198.51.100.1",
            ),
            // Two trusted proxies in a row, across two header lines.
            (
                "10.0.0.2",
                vec!["6.6.6.6, 198.51.100.1", "192.168.0.1"],
                &proxies,
                "198.51.100.1",
            ),
            // Trusted peer without the header: the peer itself.
            ("10.0.0.2", vec![], &proxies, "10.0.0.2"),
            // Every hop trusted: the furthest trusted hop.
            (
                "10.0.0.2",
                vec!["10.9.9.9, 192.168.0.1"],
                &proxies,
                "10.9.9.9",
            ),
            // Garbage nearest us: stop at the proxy that passed it on.
            (
                "10.0.0.2",
                vec!["198.51.100.1, bogus"],
                &proxies,
                "10.0.0.2",
            ),
            ("10.0.0.2", vec!["bogus, 10.1.1.1"], &proxies, "10.1.1.1"),
            // Ports and brackets are tolerated.
            (
                "10.0.0.2",
                vec!["198.51.100.1:5555"],
                &proxies,
                "198.51.100.1",
            ),
            (
                "10.0.0.2",
                vec!["[2001:db8::7]:443"],
                &proxies,
                "2001:db8::7",
            ),
            ("10.0.0.2", vec!["[2001:db8::7]"], &proxies, "2001:db8::7"),
            // An IPv4 peer seen as IPv6-mapped is still trusted.
            (
                "::ffff:10.0.0.2",
                vec!["198.51.100.1"],
                &proxies,
                "198.51.100.1",
            ),
        ];
        for (peer, xff, trusted, want) in cases {
            assert_eq!(
                client_ip(ip(peer), &xff, trusted),
                ip(want),
                "peer {peer}, X-Forwarded-For {xff:?}"
            );
        }
    }
}
