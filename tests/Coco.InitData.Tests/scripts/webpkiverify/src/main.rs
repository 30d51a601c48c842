// webpkiverify: the independent oracle for the rustls guest profile. It loads every anchor as rustls'
// RootCertStore::add does (webpki TrustAnchor::try_from_cert_der), then verifies the leaf as a TLS server
// certificate for HOST at a fixed time, with the signature algorithms rustls offers webpki 0.22.
// Usage: webpkiverify ROOTS.pem INTERMEDIATES.pem|- LEAF.pem HOST UNIX-SECONDS [HANDSHAKE.sig]
// HANDSHAKE.sig, when given, is a signature the leaf's private key made over HANDSHAKE_MESSAGE with the TLS 1.3
// scheme of its key type: it stands for the CertificateVerify message, the one place a TLS client uses the leaf's
// own key (a path check never does), and must verify with one of the same algorithms.
// Prints "OK" and exits 0, or prints the stage and webpki's error and exits 1. Exit 2 is a usage or file error.
// An empty HOST verifies the path only. LEAF.pem "-" only loads the anchors (what a public root bundle is checked for) and prints "OK (anchors loaded)".
// webpki 0.22 has no IP-address name check: for an IP host it prints "OK (path only: no IP name check in webpki 0.22)".
use std::convert::TryFrom;
use std::process::exit;

static ALGORITHMS: &[&webpki::SignatureAlgorithm] = &[
    &webpki::ECDSA_P256_SHA256,
    &webpki::ECDSA_P256_SHA384,
    &webpki::ECDSA_P384_SHA256,
    &webpki::ECDSA_P384_SHA384,
    &webpki::ED25519,
    &webpki::RSA_PKCS1_2048_8192_SHA256,
    &webpki::RSA_PKCS1_2048_8192_SHA384,
    &webpki::RSA_PKCS1_2048_8192_SHA512,
    &webpki::RSA_PKCS1_3072_8192_SHA384,
    &webpki::RSA_PSS_2048_8192_SHA256_LEGACY_KEY,
    &webpki::RSA_PSS_2048_8192_SHA384_LEGACY_KEY,
    &webpki::RSA_PSS_2048_8192_SHA512_LEGACY_KEY,
];

const HANDSHAKE_MESSAGE: &[u8] = b"coco-initdata handshake";

fn base64_value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn decode_base64(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for c in text.bytes() {
        if let Some(v) = base64_value(c) {
            buffer = (buffer << 6) | v;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push(((buffer >> bits) & 0xff) as u8);
            }
        }
    }
    out
}

// Every CERTIFICATE block of a PEM file, as DER.
fn load(path: &str) -> Vec<Vec<u8>> {
    if path == "-" {
        return Vec::new();
    }
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            println!("{}: {}", path, e);
            exit(2);
        }
    };
    let mut certificates = Vec::new();
    let mut body: Option<String> = None;
    for line in text.lines() {
        let line = line.trim();
        if line == "-----BEGIN CERTIFICATE-----" {
            body = Some(String::new());
        } else if line == "-----END CERTIFICATE-----" {
            if let Some(b) = body.take() {
                certificates.push(decode_base64(&b));
            }
        } else if let Some(b) = body.as_mut() {
            b.push_str(line);
        }
    }
    certificates
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 6 && args.len() != 7 {
        println!("usage: webpkiverify ROOTS.pem INTERMEDIATES.pem|- LEAF.pem HOST UNIX-SECONDS [HANDSHAKE.sig]");
        exit(2);
    }
    let roots = load(&args[1]);
    let intermediates = load(&args[2]);
    let leaves = load(&args[3]);
    let seconds: u64 = args[5].parse().unwrap_or_else(|_| {
        println!("not a time: {}", args[5]);
        exit(2)
    });
    if leaves.is_empty() && args[3] != "-" {
        println!("{}: no certificate", args[3]);
        exit(2);
    }

    let mut anchors = Vec::new();
    for (i, der) in roots.iter().enumerate() {
        match webpki::TrustAnchor::try_from_cert_der(der) {
            Ok(anchor) => anchors.push(anchor),
            Err(e) => {
                println!("anchor {}: {:?}", i, e);
                exit(1);
            }
        }
    }

    if leaves.is_empty() {
        println!("OK (anchors loaded)");
        return;
    }

    let leaf = match webpki::EndEntityCert::try_from(leaves[0].as_slice()) {
        Ok(c) => c,
        Err(e) => {
            println!("leaf: {:?}", e);
            exit(1);
        }
    };
    let intermediate_slices: Vec<&[u8]> = intermediates.iter().map(|c| c.as_slice()).collect();
    let time = webpki::Time::from_seconds_since_unix_epoch(seconds);
    if let Err(e) = leaf.verify_is_valid_tls_server_cert(ALGORITHMS, &webpki::TlsServerTrustAnchors(&anchors), &intermediate_slices, time) {
        println!("path: {:?}", e);
        exit(1);
    }

    if args.len() == 7 {
        let signature = std::fs::read(&args[6]).unwrap_or_else(|e| {
            println!("{}: {}", args[6], e);
            exit(2)
        });
        let mut last = None;
        let verified = ALGORITHMS.iter().any(|alg| match leaf.verify_signature(alg, HANDSHAKE_MESSAGE, &signature) {
            Ok(()) => true,
            Err(e) => {
                // Keep the error of an algorithm that fits the key over "not this key type".
                if last.is_none() || e != webpki::Error::UnsupportedSignatureAlgorithmForPublicKey {
                    last = Some(e);
                }
                false
            }
        });
        if !verified {
            println!("handshake: no algorithm verifies the leaf key's signature ({:?})", last);
            exit(1);
        }
    }

    let host = &args[4];
    if host.is_empty() {
        println!("OK (no host given)");
        return;
    }
    if host.parse::<std::net::IpAddr>().is_ok() {
        println!("OK (path only: no IP name check in webpki 0.22)");
        return;
    }
    let name = match webpki::DnsNameRef::try_from_ascii_str(host) {
        Ok(n) => n,
        Err(_) => {
            println!("host: not a DNS name: {}", host);
            exit(1);
        }
    };
    if let Err(e) = leaf.verify_is_valid_for_dns_name(name) {
        println!("name: {:?}", e);
        exit(1);
    }
    println!("OK");
}
